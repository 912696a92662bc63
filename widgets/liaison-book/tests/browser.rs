//! The component in a real browser: mount, type, save, list, refuse empty text.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use relais_liaison_book::{BookConfig, LiaisonBook};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits up to two seconds for `ready`, since IndexedDB answers asynchronously.
async fn wait_for(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..100 {
        if ready() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

/// The book is open once it says it has no entries yet.
async fn wait_until_open(root: &HtmlElement) {
    wait_for("the empty book", || texts(root, ".notice").iter().any(|t| t.contains("Aucune"))).await;
}

fn mount(subject: &str, tenant: &str) -> (HtmlElement, impl Sized) {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let config = BookConfig::from_attributes(Some(tenant), subject, "u1", "Aline Martin", "aide-a-domicile").unwrap();
    let handle = mount_to(host.clone(), move || view! { <LiaisonBook config=config /> });
    (host, handle)
}

fn query<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap()).collect()
}

fn type_text(root: &HtmlElement, value: &str) {
    let area: HtmlTextAreaElement = query(root, "textarea");
    area.set_value(value);
    area.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

fn unique(label: &str) -> String {
    format!("{label}-{}", js_sys::Math::random())
}

#[wasm_bindgen_test]
async fn saving_lists_the_transmission_newest_first_with_its_details() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    let label: HtmlElement = query(&root, "label");
    assert_eq!(label.text_content().unwrap(), "Nouvelle transmission");
    let area: HtmlTextAreaElement = query(&root, "textarea");
    assert_eq!(label.get_attribute("for").unwrap(), area.id());

    type_text(&root, "Repas pris en entier");
    query::<HtmlElement>(&root, "button[type=submit]").click();
    wait_for("the first entry", || texts(&root, ".entry .text").len() == 1).await;
    type_text(&root, "<img src=x onerror=alert(1)>");
    query::<HtmlElement>(&root, "button[type=submit]").click();
    wait_for("the second entry", || texts(&root, ".entry .text").len() == 2).await;

    assert_eq!(texts(&root, ".entry .text"), ["<img src=x onerror=alert(1)>", "Repas pris en entier"]);
    assert!(root.query_selector(".entry img").unwrap().is_none());
    assert_eq!(texts(&root, ".entry .author")[0], "Aline Martin");
    assert_eq!(texts(&root, ".entry .role")[0], "Aide à domicile");
    assert_eq!(texts(&root, ".entry .category")[0], "Passage / tâches réalisées");
    assert_eq!(area.value(), "", "the composer is cleared after saving");
    assert!(texts(&root, ".message")[0].contains("enregistrée"));
}

#[wasm_bindgen_test]
async fn whitespace_only_text_is_refused_with_an_announced_reason() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    type_text(&root, "   \n ");
    query::<HtmlElement>(&root, "button[type=submit]").click();
    leptos::task::tick().await;
    let message: HtmlElement = query(&root, ".message");
    assert!(message.text_content().unwrap().contains("vide"), "{:?}", message.text_content());
    assert_eq!(message.get_attribute("role").as_deref(), Some("status"));
    let button: HtmlElement = query(&root, "button[type=submit]");
    assert_eq!(button.get_attribute("aria-describedby").unwrap(), message.id());
    assert_eq!(query::<HtmlElement>(&root, "textarea").get_attribute("aria-invalid").as_deref(), Some("true"));
    sleep(50).await;
    assert!(texts(&root, ".entry").is_empty(), "nothing was written");
}

#[wasm_bindgen_test]
async fn chosen_category_and_urgency_are_saved() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    let selects = root.query_selector_all("select").unwrap();
    for (i, value) in [(0, "mobilite-chute"), (1, "alerte")] {
        let select: web_sys::HtmlSelectElement = selects.item(i).unwrap().unchecked_into();
        select.set_value(value);
        select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    }
    type_text(&root, "Chute dans la salle de bain, relevée seule");
    query::<HtmlElement>(&root, "button[type=submit]").click();
    wait_for("the entry", || texts(&root, ".entry").len() == 1).await;
    assert_eq!(texts(&root, ".entry .category")[0], "Mobilité & chute");
    assert_eq!(texts(&root, ".entry .urgency")[0], "Alerte");
}

fn click_button(root: &HtmlElement, text: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    let button = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap().trim() == text)
        .unwrap_or_else(|| panic!("no button {text}"));
    button.click();
}

fn select(root: &HtmlElement, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = query(root, selector);
    select.set_value(value);
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn a_quick_note_then_one_press_saves_it() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    click_button(&root, "Repas non pris");
    click_button(&root, "Enregistrer");
    wait_for("the entry", || texts(&root, ".entry").len() == 1).await;
    assert_eq!(texts(&root, ".entry .text"), ["Repas non pris."]);
    assert_eq!(texts(&root, ".entry .category"), ["Alimentation & hydratation"]);
    assert_eq!(texts(&root, ".entry .urgency"), ["À surveiller"]);
}

#[wasm_bindgen_test]
async fn my_vigilance_point_stays_pinned_until_someone_acknowledges_it() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    click_button(&root, "Chute");
    type_text(&root, "Chute dans la salle de bain, relevée seule");
    click_button(&root, "Enregistrer");
    wait_for("the pinned point", || texts(&root, ".pinned-entry").len() == 1).await;
    assert!(texts(&root, ".pinned-entry .acks")[0].contains("Personne"));
    assert_eq!(texts(&root, ".entry .badge.vigilance").len(), 1);
    assert!(root.query_selector(".pinned-entry .acknowledge").unwrap().is_none(), "the author does not acknowledge their own point");
}

#[wasm_bindgen_test]
async fn acknowledging_someone_elses_point_unpins_it_and_names_who_did() {
    let tenant = unique("t");
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    let mut draft = relais_core::TransmissionDraft::new(relais_core::CategoryId::new("mobilite-chute"), relais_core::Urgency::Alerte, "Chute hier soir");
    draft.vigilance = true;
    let nurse = relais_core::Author::new("n1", "Nadia Roux", relais_core::Role::InfirmierLiberal).unwrap();
    let written = relais_core::Transmission::create(
        &draft,
        relais_core::SubjectId::new("p1").unwrap(),
        nurse,
        &relais_core::CategoryCatalogue::french_defaults(),
        relais_core::Timestamp::from_unix_ms(js_sys::Date::now() as i64 - 60_000),
        [3; 10],
    )
    .unwrap();
    store.add_transmission(&written).await.unwrap();
    store.close();

    let (root, _handle) = mount("p1", &tenant);
    wait_for("the pinned point", || texts(&root, ".pinned-entry").len() == 1).await;
    click_button(&root, "Pris en compte");
    wait_for("the point to leave the pin", || texts(&root, ".pinned-entry").is_empty()).await;
    assert_eq!(texts(&root, ".entry .text"), ["Chute hier soir"]);
    assert_eq!(texts(&root, ".entry .acks"), ["Pris en compte par : Aline Martin"]);
}

#[wasm_bindgen_test]
async fn a_reply_points_at_its_entry_and_a_correction_marks_the_original() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    type_text(&root, "Pas de selles depuis 3 jours");
    click_button(&root, "Enregistrer");
    wait_for("the entry", || texts(&root, ".entry").len() == 1).await;

    click_button(&root, "Répondre");
    wait_for("the reply banner", || texts(&root, ".mode").len() == 1).await;
    type_text(&root, "Vu avec l'infirmière");
    click_button(&root, "Enregistrer");
    wait_for("the reply", || texts(&root, ".entry").len() == 2).await;
    assert!(texts(&root, ".entry .link")[0].contains("Pas de selles depuis 3 jours"));
    assert!(texts(&root, ".mode").is_empty(), "the composer is back to a new entry");

    let corrects = root.query_selector_all(".entry").unwrap().item(1).unwrap().unchecked_into::<HtmlElement>();
    click_button(&corrects, "Corriger");
    let area: HtmlTextAreaElement = query(&root, "textarea");
    wait_for("the pre-filled correction", || area.value() == "Pas de selles depuis 3 jours").await;
    type_text(&root, "Pas de selles depuis 2 jours");
    click_button(&root, "Enregistrer");
    wait_for("the correction", || texts(&root, ".entry").len() == 3).await;
    assert_eq!(texts(&root, ".entry.corrected .text"), ["Pas de selles depuis 3 jours"]);
    assert_eq!(texts(&root, ".badge.corrected-badge").len(), 1);
}

#[wasm_bindgen_test]
async fn search_ignores_accents_and_case_and_filters_combine() {
    let (root, _handle) = mount("p1", &unique("t"));
    wait_until_open(&root).await;
    for text in ["Fièvre à 38,5", "Repas pris", "FIÈVRE tombée"] {
        type_text(&root, text);
        click_button(&root, "Enregistrer");
        let expected = texts(&root, ".entry").len() + 1;
        wait_for("the entry", || texts(&root, ".entry").len() == expected).await;
    }
    let search: web_sys::HtmlInputElement = query(&root, "input[type=search]");
    search.set_value("fievre");
    search.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".entry .text"), ["FIÈVRE tombée", "Fièvre à 38,5"]);
    select(&root, ".filters select", "alimentation");
    leptos::task::tick().await;
    assert!(texts(&root, ".entry").is_empty());
    assert!(texts(&root, ".notice")[0].contains("filtres"));
}

#[wasm_bindgen_test]
async fn a_draft_survives_the_widget_going_away() {
    let tenant = unique("t");
    let (root, handle) = mount("p1", &tenant);
    wait_until_open(&root).await;
    type_text(&root, "Je commence à écrire et l'onglet se ferme");
    sleep(100).await;
    drop(handle);
    let (again, _handle) = mount("p1", &tenant);
    wait_until_open(&again).await;
    let area: HtmlTextAreaElement = query(&again, "textarea");
    assert_eq!(area.value(), "Je commence à écrire et l'onglet se ferme");
}

fn nurse() -> relais_core::Author {
    relais_core::Author::new("n1", "Nadia Roux", relais_core::Role::InfirmierLiberal).unwrap()
}

/// Writes an entry by `author` straight into the store, `minutes_ago` in the past.
async fn write(store: &relais_store::Store, author: relais_core::Author, category: &str, text: &str, vigilance: bool, minutes_ago: i64) {
    let mut draft = relais_core::TransmissionDraft::new(relais_core::CategoryId::new(category), relais_core::Urgency::Information, text);
    draft.vigilance = vigilance;
    let entry = relais_core::Transmission::create(
        &draft,
        relais_core::SubjectId::new("p1").unwrap(),
        author,
        &relais_core::CategoryCatalogue::french_defaults(),
        relais_core::Timestamp::from_unix_ms(js_sys::Date::now() as i64 - minutes_ago * 60_000),
        [(js_sys::Math::random() * 255.0) as u8; 10],
    )
    .unwrap();
    store.add_transmission(&entry).await.unwrap();
}

fn mount_as(tenant: &str, role: &str, view: impl Fn(BookConfig) -> AnyView + 'static) -> (HtmlElement, impl Sized) {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let config = BookConfig::from_attributes(Some(tenant), "p1", "u1", "Marie Dupont", role).unwrap();
    let handle = mount_to(host.clone(), move || view(config.clone()));
    (host, handle)
}

fn plain(config: BookConfig) -> AnyView {
    view! { <LiaisonBook config=config /> }.into_any()
}

#[wasm_bindgen_test]
async fn a_relative_never_sees_restricted_entries_and_writes_requests() {
    let tenant = unique("t");
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    write(&store, nurse(), "sante-douleur", "Douleur au genou, antalgique donné", true, 5).await;
    write(&store, nurse(), "evenement-indesirable", "Suspicion à signaler", false, 4).await;
    write(&store, nurse(), "alimentation", "Repas pris avec appétit", false, 3).await;
    store.close();

    let (root, _handle) = mount_as(&tenant, "proche-aidant", plain);
    wait_for("the list", || texts(&root, ".entry").len() == 1).await;
    sleep(50).await;
    assert_eq!(texts(&root, ".entry .text"), ["Repas pris avec appétit"]);
    assert!(texts(&root, ".pinned-entry").is_empty(), "a restricted vigilance point is not pinned either");
    let options = texts(&root, ".filters select option").join("|");
    assert!(!options.contains("Santé") && !options.contains("maltraitance"), "{options}");
    let category: web_sys::HtmlSelectElement = query(&root, ".composer select");
    assert_eq!(category.value(), "demande");
    assert_eq!(root.query_selector_all(".composer select").unwrap().length(), 1, "no urgency choice for relatives");
    assert_eq!(texts(&root, ".chip")[0], "Une demande");
}

#[wasm_bindgen_test]
async fn the_care_team_sees_restricted_entries() {
    let tenant = unique("t");
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    write(&store, nurse(), "sante-douleur", "Douleur au genou", false, 5).await;
    store.close();
    let (root, _handle) = mount_as(&tenant, "aide-soignant", plain);
    wait_for("the entry", || texts(&root, ".entry .text") == ["Douleur au genou"]).await;
}

#[wasm_bindgen_test]
async fn saving_an_alert_calls_the_host_once_with_its_summary() {
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<relais_liaison_book::AlertEvent>::new()));
    let sink = seen.clone();
    let (root, _handle) = mount_as(&unique("t"), "aide-a-domicile", move |config| {
        let sink = sink.clone();
        let on_alert = Callback::new(move |event| sink.lock().unwrap().push(event));
        view! { <LiaisonBook config=config on_alert=on_alert /> }.into_any()
    });
    wait_until_open(&root).await;
    type_text(&root, "Ordinaire");
    click_button(&root, "Enregistrer");
    wait_for("the first entry", || texts(&root, ".entry").len() == 1).await;
    select(&root, ".composer select:nth-of-type(2)", "alerte");
    type_text(&root, "Chute, ne peut pas se relever");
    click_button(&root, "Enregistrer");
    wait_for("the alert", || texts(&root, ".entry").len() == 2).await;
    let events = seen.lock().unwrap().clone();
    assert_eq!(events.len(), 1, "only the alert-level entry is announced");
    assert_eq!(events[0].0.excerpt, "Chute, ne peut pas se relever");
    assert_eq!(events[0].0.author_name, "Marie Dupont");
    assert_eq!(events[0].0.subject, "p1");
}

#[wasm_bindgen_test]
async fn a_point_left_unacknowledged_past_the_delay_escalates_once() {
    let tenant = unique("t");
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    write(&store, nurse(), "mobilite-chute", "Chute il y a deux heures et une minute", true, 121).await;
    write(&store, nurse(), "mobilite-chute", "Chute il y a une heure", true, 60).await;
    store.close();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<relais_liaison_book::EscalationEvent>::new()));
    let sink = seen.clone();
    let (root, _handle) = mount_as(&tenant, "aide-a-domicile", move |config| {
        let sink = sink.clone();
        let on_escalation = Callback::new(move |event| sink.lock().unwrap().push(event));
        view! { <LiaisonBook config=config on_escalation=on_escalation /> }.into_any()
    });
    wait_for("the escalated point", || texts(&root, ".pinned-entry.escalated .text").len() == 1).await;
    assert_eq!(texts(&root, ".pinned-entry.escalated .text"), ["Chute il y a deux heures et une minute"]);
    assert_eq!(texts(&root, ".pinned-entry").len(), 2);
    let events = seen.lock().unwrap().clone();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].entry.excerpt, "Chute il y a deux heures et une minute");
    assert_eq!(events[0].minutes, 120.0);
}

#[wasm_bindgen_test]
async fn entries_by_others_since_the_last_visit_are_new_after_a_remount() {
    let tenant = unique("t");
    let (root, handle) = mount_as(&tenant, "aide-a-domicile", plain);
    wait_until_open(&root).await;
    assert!(texts(&root, ".counts")[0].starts_with("0 nouvelle"));
    drop(handle);
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    write(&store, nurse(), "alimentation", "Repas pris", false, -1).await;
    write(&store, nurse(), "mobilite-chute", "Chute sans gravité", true, -1).await;
    store.close();
    let (again, _handle) = mount_as(&tenant, "aide-a-domicile", plain);
    wait_for("the entries", || texts(&again, ".entry").len() == 2).await;
    let counts = texts(&again, ".counts")[0].clone();
    assert!(counts.starts_with("2 nouvelle"), "{counts}");
    assert!(counts.contains("1 point(s) de vigilance"), "{counts}");
    assert_eq!(texts(&again, ".entry .badge.new").len(), 2);
}

// Ten thousand writes through the store take longer than the runner allows in a debug build,
// so the test writes one entry through it and copies that record in a single transaction, as
// demo/bench.js does.
#[wasm_bindgen(inline_js = r#"
export async function copy_entry(name, count) {
  const request = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const db = await request(indexedDB.open(name));
  const [record] = await request(db.transaction("transmissions").objectStore("transmissions").getAll());
  const tx = db.transaction("transmissions", "readwrite");
  const store = tx.objectStore("transmissions");
  for (let i = 1; i < count; i++) {
    store.put({ ...record, id: crypto.randomUUID(), created_at: record.created_at + i * 60000, text: `Passage numéro ${i}` });
  }
  await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
  db.close();
}
"#)]
extern "C" {
    async fn copy_entry(name: &str, count: u32);
}

const MANY: u32 = 10_000;

#[wasm_bindgen_test]
async fn ten_thousand_entries_render_only_a_window_with_positions_in_the_whole() {
    let tenant = unique("t");
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    write(&store, nurse(), "passage", "Passage numéro 0", false, i64::from(MANY)).await;
    store.close();
    copy_entry(&relais_store::database_name(&tenant, "u1"), MANY).await;
    // The list scrolls in its own region only with the widget's stylesheet, which the element
    // adopts; a bare mount has to add it.
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(relais_liaison_book::STYLESHEET));
    document().head().unwrap().append_child(&style).unwrap();
    let (root, _handle) = mount_as(&tenant, "aide-a-domicile", plain);
    wait_for("the list", || !texts(&root, ".entry").is_empty()).await;
    let rendered = root.query_selector_all(".entry").unwrap();
    assert!(rendered.length() < 100, "{} rows rendered", rendered.length());
    // The newest page paints first; the older entries join it in the background.
    let set_size = || query::<HtmlElement>(&root, ".entry").get_attribute("aria-setsize");
    wait_for("every entry", || set_size() == Some(MANY.to_string())).await;
    assert!(texts(&root, ".older").is_empty());
    let first: HtmlElement = query(&root, ".entry");
    assert_eq!(first.get_attribute("aria-posinset").as_deref(), Some("1"));
    assert_eq!(texts(&root, ".entry .text")[0], format!("Passage numéro {}", MANY - 1));

    let scroller: HtmlElement = query(&root, ".entries");
    scroller.set_scroll_top(scroller.scroll_height() / 2);
    scroller.dispatch_event(&web_sys::Event::new("scroll").unwrap()).unwrap();
    let position = || query::<HtmlElement>(&root, ".entry").get_attribute("aria-posinset").unwrap().parse::<u32>().unwrap();
    wait_for("the middle rows", || position() > MANY / 4).await;
    assert!(root.query_selector_all(".entry").unwrap().length() < 100);
    style.remove();
}

fn set_input(root: &HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = query(root, selector);
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

/// The reader's local day `minutes_ago` in the past, as a date input writes it.
fn local_day(minutes_ago: i64) -> String {
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    relais_core::Timestamp::from_unix_ms(js_sys::Date::now() as i64 - minutes_ago * 60_000)
        .local_day(offset)
        .to_string()
}

#[wasm_bindgen_test]
async fn the_role_filter_offers_the_roles_present_and_keeps_their_entries() {
    let tenant = unique("t");
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    write(&store, nurse(), "passage", "Pansement refait", false, 3).await;
    let helper = relais_core::Author::new("h1", "Hugo Petit", relais_core::Role::AideADomicile).unwrap();
    write(&store, helper, "alimentation", "Repas pris", false, 2).await;
    store.close();
    let (root, _handle) = mount_as(&tenant, "aide-soignant", plain);
    wait_for("the entries", || texts(&root, ".entry").len() == 2).await;
    let role: web_sys::HtmlSelectElement = query(&root, "select[aria-label=\"Rôle de l'auteur\"]");
    assert_eq!(texts(&root, ".role-filter option"), ["Tous les rôles", "Aide à domicile", "Infirmier libéral (IDEL)"]);
    role.set_value("infirmier-liberal");
    role.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".entry .text"), ["Pansement refait"]);
    role.set_value("");
    role.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".entry .text"), ["Repas pris", "Pansement refait"]);
}

#[wasm_bindgen_test]
async fn a_relative_is_not_offered_the_role_of_someone_who_wrote_only_restricted_entries() {
    let tenant = unique("t");
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    write(&store, nurse(), "sante-douleur", "Douleur au genou", false, 3).await;
    let helper = relais_core::Author::new("h1", "Hugo Petit", relais_core::Role::AideADomicile).unwrap();
    write(&store, helper, "alimentation", "Repas pris", false, 2).await;
    store.close();
    let (root, _handle) = mount_as(&tenant, "proche-aidant", plain);
    wait_for("the entry", || texts(&root, ".entry").len() == 1).await;
    assert_eq!(texts(&root, ".role-filter option"), ["Tous les rôles", "Aide à domicile"]);
}

#[wasm_bindgen_test]
async fn unread_only_keeps_the_entries_marked_new() {
    let tenant = unique("t");
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    write(&store, nurse(), "passage", "Déjà lu", false, 5).await;
    store.close();
    let (root, handle) = mount_as(&tenant, "aide-a-domicile", plain);
    wait_for("the entry", || texts(&root, ".entry").len() == 1).await;
    drop(handle);
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    write(&store, nurse(), "alimentation", "Écrit depuis", false, -1).await;
    store.close();
    let (again, _handle) = mount_as(&tenant, "aide-a-domicile", plain);
    wait_for("the entries", || texts(&again, ".entry").len() == 2).await;
    let unread: web_sys::HtmlInputElement = query(&again, ".unread-filter");
    assert_eq!(unread.labels().unwrap().item(0).unwrap().text_content().unwrap().trim(), "Non lus seulement");
    unread.set_checked(true);
    unread.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    assert_eq!(texts(&again, ".entry .text"), ["Écrit depuis"]);
    assert_eq!(texts(&again, ".entry .badge.new").len(), 1);
    unread.set_checked(false);
    unread.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    leptos::task::tick().await;
    assert_eq!(texts(&again, ".entry").len(), 2);
}

#[wasm_bindgen_test]
async fn the_date_range_keeps_the_days_between_its_bounds_inclusive() {
    const THREE_DAYS: i64 = 3 * 24 * 60;
    let tenant = unique("t");
    let store = relais_store::Store::open(&tenant, "u1").await.unwrap();
    write(&store, nurse(), "passage", "Il y a trois jours", false, THREE_DAYS).await;
    write(&store, nurse(), "passage", "Aujourd'hui", false, 0).await;
    store.close();
    let (root, _handle) = mount_as(&tenant, "aide-a-domicile", plain);
    wait_for("the entries", || texts(&root, ".entry").len() == 2).await;
    for (selector, label) in [(".from-filter", "Du"), (".to-filter", "Au")] {
        let input: web_sys::HtmlInputElement = query(&root, selector);
        assert_eq!(input.type_(), "date");
        assert_eq!(input.labels().unwrap().item(0).unwrap().text_content().unwrap().trim(), label);
    }
    let then = local_day(THREE_DAYS);
    set_input(&root, ".from-filter", &then);
    set_input(&root, ".to-filter", &then);
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".entry .text"), ["Il y a trois jours"]);
    set_input(&root, ".from-filter", &local_day(0));
    set_input(&root, ".to-filter", "");
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".entry .text"), ["Aujourd'hui"]);
    set_input(&root, ".from-filter", "");
    leptos::task::tick().await;
    assert_eq!(texts(&root, ".entry").len(), 2);
}

fn entry_by(author: relais_core::Author, category: &str, text: &str, seed: u8) -> relais_core::Transmission {
    let draft = relais_core::TransmissionDraft::new(relais_core::CategoryId::new(category), relais_core::Urgency::Information, text);
    relais_core::Transmission::create(
        &draft,
        relais_core::SubjectId::new("p1").unwrap(),
        author,
        &relais_core::CategoryCatalogue::french_defaults(),
        relais_core::Timestamp::from_unix_ms(1_790_000_000_000 + i64::from(seed) * 60_000),
        [seed; 10],
    )
    .unwrap()
}

fn resources_of<'a>(bundle: &'a serde_json::Value, kind: &str) -> Vec<&'a serde_json::Value> {
    bundle["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).filter(|r| r["resourceType"] == kind).collect()
}

#[wasm_bindgen_test]
fn the_export_has_one_communication_per_entry_the_reader_may_see() {
    let restricted = entry_by(nurse(), "sante-douleur", "Douleur au genou", 1);
    let meal = entry_by(nurse(), "alimentation", "Repas pris", 2);
    let walk = entry_by(nurse(), "passage", "Promenade", 3);
    let entries = [walk.clone(), meal.clone(), restricted.clone()];
    let reader = relais_core::Author::new("u1", "Marie Dupont", relais_core::Role::AideSoignant).unwrap();
    let acks = [
        relais_core::Acknowledgement { entry: meal.id, by: reader.clone(), at: relais_core::Timestamp::from_unix_ms(1_790_000_600_000) },
        relais_core::Acknowledgement { entry: restricted.id, by: reader, at: relais_core::Timestamp::from_unix_ms(1_790_000_600_000) },
    ];

    let care_team = BookConfig::from_attributes(None, "p1", "u1", "Marie Dupont", "aide-soignant").unwrap();
    let json = relais_liaison_book::fhir_bundle_json(&care_team, &entries, &acks).unwrap();
    let bundle: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(resources_of(&bundle, "Communication").len(), 3);
    assert_eq!(resources_of(&bundle, "Task").len(), 2);

    let relative = BookConfig::from_attributes(None, "p1", "u1", "Marie Dupont", "proche-aidant").unwrap();
    let json = relais_liaison_book::fhir_bundle_json(&relative, &entries, &acks).unwrap();
    let bundle: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(resources_of(&bundle, "Communication").len(), 2);
    assert_eq!(resources_of(&bundle, "Task").len(), 1, "the acknowledgement of a restricted entry stays out too");
    assert!(!json.contains("Douleur au genou") && !json.contains("sante-douleur"), "{json}");
}

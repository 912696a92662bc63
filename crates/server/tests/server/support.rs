//! What every server test shares: an app over a fresh database (a SQLite file, or a new
//! PostgreSQL database in the cluster `RELAIS_TEST_POSTGRES` names), requests through the
//! router without a network, the shared fixtures, and builders for valid mutations.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use relais_core::questionnaire::aggir_form::AggirForm;
use relais_core::questionnaire::aggir_items::{Answer, GridActivity};
use relais_core::questionnaire::evaluation::Evaluation;
use relais_core::questionnaire::AnswerValue;
use relais_core::sync::kinds::{PlanItemKind, PlanItemPatch, PlanItemRef, SignedEvaluation, Write};
use relais_core::sync::wire::{
    ClientGroupId, Mutation, MutationId, PushRequest, Version, PROTOCOL_VERSION,
};
use relais_core::{
    Acknowledgement, Author, CategoryId, EntryId, EntryLink, Receipt, Role, SubjectId, Timestamp,
    Transmission, TransmissionText, Urgency,
};
use relais_server::access::AccessConfig;
use relais_server::engine::Engine;
use relais_server::jwt::JwtSecret;
use relais_server::Settings;
use serde_json::{json, Value};
use sqlx::{AnyConnection, Connection, Row};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Once;
use tempfile::TempDir;
use tower::ServiceExt;

/// The admin URL of a PostgreSQL cluster the tests may create databases in.
const POSTGRES_VARIABLE: &str = "RELAIS_TEST_POSTGRES";

/// Declares each test twice, `sqlite::NAME` and `postgres::NAME`, over the same body, which
/// takes the engine. Without `RELAIS_TEST_POSTGRES` the PostgreSQL ones pass without running
/// and say so on the terminal (`scripts/test` always sets it).
macro_rules! on_both_engines {
    (#[$test:meta] $($name:ident),+ $(,)?) => {
        mod sqlite {
            $(#[$test] async fn $name() {
                super::$name(relais_server::engine::Engine::Sqlite).await
            })+
        }
        mod postgres {
            $(#[$test] async fn $name() {
                if crate::support::postgres_configured() {
                    super::$name(relais_server::engine::Engine::Postgres).await
                }
            })+
        }
    };
    ($($name:ident),+ $(,)?) => {
        on_both_engines!(#[tokio::test] $($name),+);
    };
}
pub(crate) use on_both_engines;

/// Whether PostgreSQL tests can run; if not, says so once, past the test harness's capture.
pub fn postgres_configured() -> bool {
    static WARNED: Once = Once::new();
    let configured = std::env::var_os(POSTGRES_VARIABLE).is_some();
    if !configured {
        WARNED.call_once(|| {
            let _ = writeln!(
                std::io::stderr(),
                "\nrelais-server: PostgreSQL tests NOT RUN: set {POSTGRES_VARIABLE}=postgres://… \
                 (scripts/test starts a cluster and sets it)\n"
            );
        });
    }
    configured
}

pub const ALINE: &str = "aline.martin";
pub const NADIA: &str = "nadia.roux";
pub const SOPHIE: &str = "famille-usager-1";
pub const KARIM: &str = "karim.benali";
pub const SUBJECT: &str = "usager-1";
const T0: i64 = 1_795_417_860_000;

/// Tenant `t1`: Aline (aide à domicile), Nadia (infirmière) and Sophie (proche aidante) around
/// usager-1, Karim around usager-2 only, and Bruno who is in no circle. Tenant `t2` has its own
/// Aline and usager-1.
pub fn access() -> AccessConfig {
    AccessConfig::from_json(&access_json().to_string()).unwrap()
}

/// The same configuration as the JSON file `--config` reads.
pub fn access_json() -> Value {
    json!({
            "tokens": [
                {"token": "tok-aline", "tenant": "t1", "user": ALINE, "role": "aide-a-domicile"},
                {"token": "tok-nadia", "tenant": "t1", "user": NADIA, "role": "infirmier-liberal"},
                {"token": "tok-sophie", "tenant": "t1", "user": SOPHIE, "role": "proche-aidant"},
                {"token": "tok-bruno", "tenant": "t1", "user": "bruno.petit", "role": "aide-a-domicile"},
                {"token": "tok-t2-aline", "tenant": "t2", "user": ALINE, "role": "aide-a-domicile"},
                {"token": "tok-karim", "tenant": "t1", "user": KARIM, "role": "aide-a-domicile"}
            ],
            "circles": [
                {"tenant": "t1", "subject": SUBJECT, "user": ALINE, "role": "aide-a-domicile"},
                {"tenant": "t1", "subject": SUBJECT, "user": NADIA, "role": "infirmier-liberal"},
                {"tenant": "t1", "subject": SUBJECT, "user": SOPHIE, "role": "proche-aidant"},
                {"tenant": "t2", "subject": SUBJECT, "user": ALINE, "role": "aide-a-domicile"},
                {"tenant": "t1", "subject": "usager-2", "user": KARIM, "role": "aide-a-domicile"}
        ]
    })
}

/// The secret the test servers' portal signs JWTs with.
pub const JWT_SECRET: &str = "un secret de test assez long pour HS256";

/// The settings of every test server but its database.
pub fn settings() -> Settings {
    Settings {
        db: String::new(),
        access: access(),
        origins: Vec::new(),
        new_epoch: false,
        jwt_secret: Some(JwtSecret::new(JWT_SECRET).unwrap()),
        demo: false,
        site: None,
    }
}

pub fn db_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

/// A database nobody used yet: a file in `dir`, or a new database in the test cluster.
pub async fn fresh_database(engine: Engine, dir: &Path) -> String {
    match engine {
        Engine::Sqlite => db_url(&dir.join(format!("relais-{}.db", next_number()))),
        Engine::Postgres => fresh_postgres_database().await,
    }
}

fn next_number() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::SeqCst)
}

/// Creates `relais_test_PID_N` in the test cluster and returns its URL. The first call of a
/// run drops the databases earlier runs left, so a developer's own cluster does not fill up.
async fn fresh_postgres_database() -> String {
    static LEFTOVERS_DROPPED: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
    let admin = std::env::var(POSTGRES_VARIABLE).unwrap();
    let pid = std::process::id();
    let name = format!("relais_test_{pid}_{}", next_number());
    let mut conn = connect(&admin).await;
    LEFTOVERS_DROPPED.get_or_init(|| drop_leftovers(&admin, pid)).await;
    sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name}")).execute(&mut conn).await.unwrap();
    sqlx::raw_sql(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.unwrap();
    let (base, query) = admin.split_once('?').map_or((admin.as_str(), None), |(b, q)| (b, Some(q)));
    let (server, _) = base.rsplit_once('/').unwrap();
    match query {
        Some(query) => format!("{server}/{name}?{query}"),
        None => format!("{server}/{name}"),
    }
}

async fn drop_leftovers(admin: &str, pid: u32) {
    let mut conn = connect(admin).await;
    let ours = format!("relais_test_{pid}_%");
    let names: Vec<String> = sqlx::query(
        "SELECT datname::text FROM pg_database
         WHERE datname LIKE 'relais_test_%' AND datname NOT LIKE $1",
    )
    .bind(ours)
    .fetch_all(&mut conn)
    .await
    .unwrap()
    .iter()
    .map(|row| row.get(0))
    .collect();
    for name in names {
        let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        sqlx::raw_sql(&drop).execute(&mut conn).await.unwrap();
    }
}

/// A direct connection, to look at what the server stored.
pub async fn connect(url: &str) -> AnyConnection {
    sqlx::any::install_default_drivers();
    AnyConnection::connect(url).await.unwrap()
}

/// A server over a fresh database; the temporary directory holds SQLite files and backups.
pub struct TestServer {
    pub dir: TempDir,
    pub engine: Engine,
    pub url: String,
    pub app: Router,
}

impl TestServer {
    pub async fn start(engine: Engine) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = fresh_database(engine, dir.path()).await;
        let app = app_over(&url, false).await;
        Self { dir, engine, url, app }
    }

    pub async fn push(&self, token: &str, body: &Value) -> (StatusCode, Value) {
        send(&self.app, "POST", "/api/relais/push", Some(token), Some(body.to_string())).await
    }

    pub async fn pull(&self, token: &str, query: &str) -> (StatusCode, Value) {
        send(&self.app, "GET", &format!("/api/relais/pull?{query}"), Some(token), None).await
    }
}

pub async fn app_over(url: &str, new_epoch: bool) -> Router {
    let settings = Settings { db: url.to_owned(), new_epoch, ..settings() };
    relais_server::app(&settings).await.unwrap()
}

/// One request through the router, as a client would send it; the body parsed as JSON.
pub async fn send(
    app: &Router,
    method: &str,
    uri: &str,
    token: Option<&str>,
    body: Option<String>,
) -> (StatusCode, Value) {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let request = request
        .header("content-type", "application/json")
        .body(body.map_or_else(Body::empty, Body::from))
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    let value =
        if bytes.is_empty() { Value::Null } else { serde_json::from_slice(&bytes).unwrap() };
    (status, value)
}

pub fn fixture(name: &str) -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/sync").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

pub fn group(n: u8) -> ClientGroupId {
    ClientGroupId::from_random_bytes([n; 16])
}

pub fn author(id: &str) -> Author {
    let role = if id == NADIA {
        Role::InfirmierLiberal
    } else if id == SOPHIE {
        Role::ProcheAidant
    } else {
        Role::AideADomicile
    };
    Author::new(id, "Nom Prénom", role).unwrap()
}

/// Transmission number `n` by `author_id` about usager-1, in `category`.
pub fn transmission(n: u32, author_id: &str, category: &str) -> Transmission {
    let mut random = [0u8; 10];
    random[..4].copy_from_slice(&n.to_be_bytes());
    Transmission {
        id: EntryId::v7(T0 as u64 + u64::from(n), random),
        subject: SubjectId::new(SUBJECT).unwrap(),
        author: author(author_id),
        category: CategoryId::new(category),
        urgency: Urgency::Information,
        text: TransmissionText::new(&format!("Transmission {n}")).unwrap(),
        created_at: Timestamp::from_unix_ms(T0 + i64::from(n)),
        vigilance: false,
        link: EntryLink::None,
    }
}

/// The mutation for `write` at `seq`; `salt` tells apart two mutations at the same seq.
pub fn mutation(seq: u64, salt: u32, write: Write) -> Mutation {
    let mut random = [0u8; 10];
    random[..8].copy_from_slice(&seq.to_be_bytes());
    random[8..].copy_from_slice(&(salt as u16).to_be_bytes());
    let id = MutationId::v7(T0 as u64 + seq, random);
    write.into_mutation(seq, id, Timestamp::from_unix_ms(T0 + seq as i64 * 1_000))
}

pub fn create(seq: u64, n: u32, author_id: &str, category: &str) -> Mutation {
    mutation(seq, n, Write::TransmissionCreate(transmission(n, author_id, category)))
}

pub fn acknowledge(seq: u64, entry: EntryId, by: &str) -> Mutation {
    let ack = Acknowledgement { entry, by: author(by), at: Timestamp::from_unix_ms(T0 + 60_000) };
    mutation(seq, 0, Write::AcknowledgementAdd(ack))
}

/// The care plan of usager-1 the plan tests edit.
fn plan_id() -> EntryId {
    EntryId::v7(T0 as u64, [7; 10])
}

/// `by` sets the `hours` of service line `line` of usager-1's plan: from `before` (hours,
/// version), or creating the line, to `after`.
pub fn plan_edit(
    seq: u64,
    by: &str,
    line: &str,
    (before, after): (Option<(u32, u64)>, u32),
) -> Mutation {
    let item = PlanItemRef {
        subject: SubjectId::new(SUBJECT).unwrap(),
        plan: plan_id(),
        kind: PlanItemKind::ServiceLine,
        id: line.to_owned(),
    };
    let before = before.map(|(hours, version)| (json!({ "hours": hours }), Version(version)));
    let at = Timestamp::from_unix_ms(T0 + seq as i64);
    let before = before.as_ref().map(|(value, version)| (value, *version));
    let patch =
        PlanItemPatch::between(item, author(by), at, before, &json!({ "hours": after })).unwrap();
    mutation(seq, 50_000 + after, Write::PlanItemPut(patch))
}

/// A finalised AGGIR evaluation `n` of usager-1 by `by` (every activity "ne fait pas": GIR 1).
pub fn evaluation(seq: u64, n: u8, by: &str) -> Mutation {
    let mut grid = AggirForm::new();
    for activity in GridActivity::discriminant() {
        let link = activity.answer_link_id(Answer::NeFaitPas);
        grid.set(&link, 0, vec![AnswerValue::Boolean(true)]).unwrap();
    }
    let (id, at) = (EntryId::v7(T0 as u64, [n; 10]), Timestamp::from_unix_ms(T0));
    let subject = SubjectId::new(SUBJECT).unwrap();
    let draft = Evaluation::draft(id, subject, author(by), at, grid.form());
    let signed = SignedEvaluation::new(draft.finalize(grid.form(), at).unwrap()).unwrap();
    mutation(seq, 60_000 + u32::from(n), Write::EvaluationFinalize(signed))
}

/// `by` has read `entry` ("lu par …").
pub fn receipt(seq: u64, entry: EntryId, by: &str) -> Mutation {
    let read = Receipt { entry, by: author(by), at: Timestamp::from_unix_ms(T0 + 30_000) };
    mutation(seq, 40_000, Write::ReceiptAdd(read))
}

pub fn push_body(group: ClientGroupId, mutations: &[Mutation]) -> Value {
    let request = PushRequest {
        protocol: PROTOCOL_VERSION,
        client_group: group,
        schema: 2,
        mutations: mutations.to_vec(),
    };
    serde_json::to_value(request).unwrap()
}

/// The statuses of a push answer's outcomes, in order.
pub fn statuses(response: &Value) -> Vec<String> {
    response["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["status"].as_str().unwrap().to_owned())
        .collect()
}

/// Every change the token's user can see, paging with `limit`.
pub async fn pull_all(
    server: &TestServer,
    token: &str,
    group: ClientGroupId,
    limit: u32,
) -> Vec<Value> {
    let mut changes = Vec::new();
    let mut cursor = None::<String>;
    loop {
        let mut query = format!("client_group={group}&limit={limit}");
        if let Some(c) = &cursor {
            query.push_str(&format!("&cursor={c}"));
        }
        let (status, page) = server.pull(token, &query).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        changes.extend(page["changes"].as_array().unwrap().iter().cloned());
        cursor = Some(page["cursor"].as_str().unwrap().to_owned());
        if !page["has_more"].as_bool().unwrap() {
            return changes;
        }
    }
}

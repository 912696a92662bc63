// The demo's stand-in for a portal's sign-in. A real portal knows who is signed in, sets the
// widgets' user-* attributes from it and returns that user's token from getToken(). Here the
// visitor picks a person of the demo care circle (a switcher, or ?as=…) and the token comes from
// `relais-server --demo` (POST /api/demo/token), kept in memory like any token.

/** The people of Mme Dupont's care circle in `relais-server --demo`. */
export const PEOPLE = {
  aline: { id: "aline.martin", name: "Aline Martin", role: "aide-a-domicile", label: "Aline Martin — aide à domicile" },
  karim: { id: "karim.benali", name: "Karim Benali", role: "aide-a-domicile", label: "Karim Benali — aide à domicile" },
  nadia: { id: "nadia.roux", name: "Nadia Roux", role: "infirmier-liberal", label: "Nadia Roux — infirmière libérale" },
  claire: { id: "claire.petit", name: "Claire Petit", role: "gestionnaire-de-cas", label: "Claire Petit — gestionnaire de cas" },
  lambert: { id: "dr.lambert", name: "Dr Paul Lambert", role: "medecin-traitant", label: "Dr Paul Lambert — médecin traitant" },
  marc: { id: "famille-usager-1-dupont", name: "Marc Dupont", role: "proche-aidant", label: "Marc Dupont — fils (famille)" },
};

/** The sync endpoint: `?endpoint=…`, else this origin's `/api/relais` (scripts/demo serves both). */
export function endpointFrom(params) {
  return new URL(params.get("endpoint") ?? "/api/relais", location.href).href;
}

/** The key of the person named by `?as=`, or `fallback`. */
export function personFrom(params, fallback) {
  const key = params.get("as");
  return key in PEOPLE ? key : fallback;
}

/** The element's user-* attributes for `person`. */
export function userAttributes(person) {
  return { "user-id": person.id, "user-name": person.name, "user-role": person.role };
}

/**
 * Gives Relais a getToken() for `person`, as a portal that already holds its user's token: the
 * token is fetched from the demo server once, here, and handed over at the first call; a later
 * call (Relais asks again after a 401) fetches a fresh one. Called again on a switch:
 * configuring drops the token Relais holds, so the next request uses the new person's.
 */
export async function signIn(endpoint, person) {
  const url = new URL("../demo/token", endpoint.replace(/\/?$/, "/"));
  const fetchToken = async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user: person.id }),
    });
    if (!response.ok) throw new Error(`jeton de démonstration refusé (${response.status})`);
    return (await response.json()).token;
  };
  // Offline at sign-in, Relais asks when it next needs a token.
  let held = await fetchToken().catch(() => null);
  globalThis.Relais.configure({
    getToken: () => {
      const token = held;
      held = null;
      return token ?? fetchToken();
    },
  });
}

/**
 * A labelled choice of `keys` in `container`, starting on `selected`; `onChange(key)` runs on
 * every switch and `?as=` follows, so a reload keeps the person.
 */
export function userSwitcher(container, keys, selected, onChange) {
  const label = document.createElement("label");
  label.htmlFor = "demo-user";
  label.textContent = "Vous êtes ";
  const select = document.createElement("select");
  select.id = "demo-user";
  for (const key of keys) select.add(new Option(PEOPLE[key].label, key, false, key === selected));
  select.addEventListener("change", () => {
    const url = new URL(location.href);
    url.searchParams.set("as", select.value);
    history.replaceState(null, "", url);
    onChange(select.value);
  });
  container.replaceChildren(label, select);
}

// The host's side of the plan timeline: hand over the person's plan (here the demo plan that
// `relais demo-data` generates, or the 6,500-visit fixture with ?fixture=6500) before the
// element is inserted, and log the `relais:review-due` events it dispatches. With ?sync (or
// ?endpoint=…) the plan is Mme Dupont's of `relais-server --demo`, shared by her care circle:
// pick who you are, open a second window as someone else, and edits travel between them.
import { largePlan } from "./plan-fixture.js";
import { PEOPLE, endpointFrom, personFrom, signIn, userAttributes, userSwitcher } from "./demo-users.js";

const params = new URLSearchParams(location.search);
const synced = params.has("sync") || params.has("endpoint");
const fixture = params.get("fixture") === "6500";
const empty = params.has("vide");
const subject = synced ? "usager-1-dupont" : fixture ? "usager-fixture-6500" : empty ? "usager-nouveau-plan" : "usager-jeanne-dupont";
const demoPlan = empty || fixture ? null : { ...(await (await fetch("plan-demo.json")).json()), subject };
const endpoint = synced ? endpointFrom(params) : null;

/** A timeline for `person`, about `subject`, starting from the host's plan if any. */
function timeline(person) {
  const element = document.createElement("relais-plan-timeline");
  const attributes = { subject, tenant: "demo", ...userAttributes(person), ...(endpoint ? { endpoint } : {}) };
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (fixture) element.plan = largePlan(subject);
  else if (demoPlan) element.plan = demoPlan;
  return element;
}

async function showAs(key) {
  if (endpoint) await signIn(endpoint, PEOPLE[key]);
  document.getElementById("stage").replaceChildren(timeline(PEOPLE[key]));
}

const log = document.getElementById("review-log");
document.addEventListener("relais:review-due", (event) => {
  const item = document.createElement("li");
  const reviews = event.detail.reviews.map((r) => `${r.due} (${r.reason}${r.overdue ? ", en retard" : ""})`);
  item.textContent = `relais:review-due — ${event.detail.subject} : ${reviews.join(", ")}`;
  log.append(item);
});

if (synced) {
  document.getElementById("where").textContent =
    "Ce plan est partagé par le cercle de soins de Mme Dupont : chaque modification part vers le serveur de démonstration, et celles des autres arrivent sans recharger la page.";
}
const first = params.get("vue") === "famille" ? "marc" : personFrom(params, "claire");
if (synced) {
  await customElements.whenDefined("relais-plan-timeline");
  userSwitcher(document.getElementById("switcher"), ["claire", "nadia", "aline", "marc"], first, showAs);
}
await showAs(first);

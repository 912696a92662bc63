// The host's side of the plan timeline: hand over the person's plan (here the demo plan that
// `relais demo-data` generates, or the 6,500-visit fixture with ?fixture=6500) before the
// element is inserted, and log the `relais:review-due` events it dispatches.
import { largePlan } from "./plan-fixture.js";

const params = new URLSearchParams(location.search);
const family = params.get("vue") === "famille";
const fixture = params.get("fixture") === "6500";
const empty = params.has("vide");
const subject = fixture ? "usager-fixture-6500" : empty ? "usager-nouveau-plan" : "usager-jeanne-dupont";

const element = document.createElement("relais-plan-timeline");
const attributes = family
  ? { "user-id": "marc.dupont", "user-name": "Marc Dupont", "user-role": "proche-aidant" }
  : { "user-id": "claire.petit", "user-name": "Claire Petit", "user-role": "gestionnaire-de-cas" };
for (const [name, value] of Object.entries({ subject, tenant: "demo", ...attributes })) element.setAttribute(name, value);
if (!empty) element.plan = fixture ? largePlan(subject) : await (await fetch("plan-demo.json")).json();

const log = document.getElementById("review-log");
document.addEventListener("relais:review-due", (event) => {
  const item = document.createElement("li");
  const reviews = event.detail.reviews.map((r) => `${r.due} (${r.reason}${r.overdue ? ", en retard" : ""})`);
  item.textContent = `relais:review-due — ${event.detail.subject} : ${reviews.join(", ")}`;
  log.append(item);
});

document.getElementById("stage").append(element);

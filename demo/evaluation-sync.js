// What a host page does to sync evaluations: give the element its endpoint, and Relais a way to
// get a bearer token (here Claire Petit's, from the demo server; see demo-users.js).
import { PEOPLE, endpointFrom, signIn, userAttributes } from "./demo-users.js";

const endpoint = endpointFrom(new URLSearchParams(location.search));
document.getElementById("server").textContent = endpoint;

const element = document.createElement("relais-needs-questionnaire");
for (const [name, value] of Object.entries({
  subject: "usager-1-dupont",
  tenant: "demo",
  instrument: "aggir",
  endpoint,
  ...userAttributes(PEOPLE.claire),
})) {
  element.setAttribute(name, value);
}
await customElements.whenDefined("relais-needs-questionnaire");
await signIn(endpoint, PEOPLE.claire);
document.getElementById("evaluation").append(element);

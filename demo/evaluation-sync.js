// What a host page does to sync evaluations: give the element its endpoint, and Relais a way to
// get a bearer token. Here Claire Petit's demo token of `relais-server --demo`; a real portal
// returns the signed-in user's token and never puts it in a URL.
const endpoint = new URLSearchParams(location.search).get("endpoint") ?? "http://127.0.0.1:8787";
document.getElementById("server").textContent = endpoint;

const element = document.createElement("relais-needs-questionnaire");
for (const [name, value] of Object.entries({
  subject: "usager-1-dupont",
  tenant: "demo",
  instrument: "aggir",
  "user-id": "claire.petit",
  "user-name": "Claire Petit",
  "user-role": "gestionnaire-de-cas",
  endpoint,
})) {
  element.setAttribute(name, value);
}
document.getElementById("evaluation").append(element);

await customElements.whenDefined("relais-needs-questionnaire");
globalThis.Relais.configure({ getToken: () => "demo-claire" });

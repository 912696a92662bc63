// What a host page does to sync: give the element its endpoint, and Relais a way to get a
// bearer token. The person writing is picked in a switcher (demo-users.js); a real portal
// returns its signed-in user's token and never puts it in a URL.
import { PEOPLE, endpointFrom, personFrom, signIn, userAttributes, userSwitcher } from "./demo-users.js";

const params = new URLSearchParams(location.search);
const endpoint = endpointFrom(params);
document.getElementById("server").textContent = endpoint;
await customElements.whenDefined("relais-liaison-book");

/** Mounts a fresh book as `key`: another person is another database and another token. */
async function showAs(key) {
  const person = PEOPLE[key];
  await signIn(endpoint, person);
  const book = document.createElement("relais-liaison-book");
  for (const [name, value] of Object.entries({ subject: "usager-1-dupont", tenant: "demo", endpoint, ...userAttributes(person) })) {
    book.setAttribute(name, value);
  }
  document.getElementById("book").replaceChildren(book);
  document.getElementById("who").textContent = `Vous écrivez en tant que ${person.name}.`;
}

const first = personFrom(params, "aline");
userSwitcher(document.getElementById("switcher"), Object.keys(PEOPLE), first, showAs);
await showAs(first);

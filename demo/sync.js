// What a host page does to sync: give the element its endpoint, and Relais a way to get a
// bearer token. Here the demo tokens of `relais-server --demo`; a real portal returns the
// signed-in user's token (a string or a Promise of one) and never puts it in a URL.
const people = {
  aline: { id: "aline.martin", name: "Aline Martin", role: "aide-a-domicile", token: "demo-aline" },
  karim: { id: "karim.benali", name: "Karim Benali", role: "aide-a-domicile", token: "demo-karim" },
};
const params = new URLSearchParams(location.search);
const person = people[params.get("as")] ?? people.aline;
const endpoint = params.get("endpoint") ?? "http://127.0.0.1:8787";

document.getElementById("who").textContent =
  `Vous écrivez en tant que ${person.name}. Serveur de synchronisation : ${endpoint}`;

const book = document.createElement("relais-liaison-book");
for (const [name, value] of Object.entries({
  subject: "usager-1-dupont",
  tenant: "demo",
  "user-id": person.id,
  "user-name": person.name,
  "user-role": person.role,
  endpoint,
})) {
  book.setAttribute(name, value);
}
document.getElementById("book").append(book);

// Relais.configure exists once the bundle has defined its elements.
await customElements.whenDefined("relais-liaison-book");
globalThis.Relais.configure({ getToken: () => person.token });

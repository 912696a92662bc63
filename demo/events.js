// What a host portal does with the liaison book's events: listen on the document (they bubble
// out of the shadow root) and notify someone. Here it only lists them, as text.
const log = document.getElementById("events-log");

for (const name of ["relais:alert", "relais:escalation"]) {
  document.addEventListener(name, (event) => {
    const { authorName, excerpt, category } = event.detail;
    const item = document.createElement("li");
    item.className = name.replace(":", "-");
    item.textContent = `${name} — ${category} — ${authorName} : ${excerpt}`;
    log.append(item);
  });
}

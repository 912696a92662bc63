// What a host portal does with the needs the evaluator proposes: listen for `relais:needs` (it
// bubbles out of the shadow root) and hand them to its care-plan tool. Here it lists them, as text.
const log = document.getElementById("needs-log");

document.addEventListener("relais:needs", (event) => {
  log.replaceChildren(
    ...event.detail.map(({ title, domain, service, reason }) => {
      const item = document.createElement("li");
      item.textContent = `${title} — ${domain.label_fr} — ${service.label_fr} (${reason})`;
      return item;
    }),
  );
});

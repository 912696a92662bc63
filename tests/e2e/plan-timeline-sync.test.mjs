// Two people of Mme Dupont's care circle edit her plan through the reference server
// (relais-server --demo), each in their own browser: an edit travels to the other without a
// reload, and the same field changed on both sides shows both values until one is chosen.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { start, STRICT_CSP, assertAccessible } from "./harness.mjs";
import { startRelaisServer } from "./relais-server.mjs";

// A browser offline logs its failed requests: they are the point here.
const EXPECTED = /ERR_INTERNET_DISCONNECTED|Failed to fetch/;

let claire, nadia, server, endpoint;

before(async () => {
  const headers = [{ "content-security-policy": STRICT_CSP }, { "content-security-policy": STRICT_CSP }];
  claire = await start({ headers: headers[0] });
  nadia = await start({ headers: headers[1] });
  const started = await startRelaisServer([
    "--demo", "--db", "sqlite::memory:", "--listen", "127.0.0.1:0",
    "--allow-origin", claire.base, "--allow-origin", nadia.base,
  ]);
  server = started.child;
  endpoint = started.endpoint;
  for (const h of headers) h["content-security-policy"] = `${STRICT_CSP}; connect-src 'self' ${new URL(endpoint).origin}`;
});
after(async () => {
  server?.kill();
  await claire?.close();
  await nadia?.close();
});
afterEach(() => {
  for (const side of [claire, nadia]) {
    const unexpected = side.problems.splice(0).filter((p) => !EXPECTED.test(p));
    assert.deepEqual(unexpected, [], "no unexpected console error, page error or dialog");
  }
});

const ALL_SENT = "toutes les modifications sont envoyées";

/** `who`'s timeline of the shared plan, once everything it holds is on the server. */
async function sharedPlan(side, who) {
  const page = await side.open(`/plan.html?as=${who}&endpoint=${encodeURIComponent(endpoint)}`);
  const element = page.locator("relais-plan-timeline");
  await element.locator(".toolbar").waitFor();
  await syncStatus(element).filter({ hasText: ALL_SENT }).waitFor();
  return { page, element };
}

const syncStatus = (element) => element.locator(".sync-status");

/** The providers of the plan's service lines as the server holds them, read as Claire pulls. */
async function providersOnServer() {
  const response = await fetch(`${endpoint}/pull?client_group=${randomUUID()}&limit=1000`, {
    headers: { authorization: "Bearer demo-claire" },
  });
  const { changes } = await response.json();
  return changes.filter((c) => c.target.id.includes(":service_line:")).map((c) => c.resource.fields.provider);
}

/** Waits until the server holds a line given to `provider`. */
async function onServer(provider) {
  for (let i = 0; i < 300 && !(await providersOnServer()).includes(provider); i++) {
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.ok((await providersOnServer()).includes(provider), `${provider} reached the server`);
}

/** Changes the provider of the plan's first line through the line form, as a person would. */
async function setProvider(element, provider) {
  const form = element.locator("form.line-form");
  await form.getByRole("combobox", { name: "Ligne à modifier" }).selectOption({ index: 1 });
  await form.getByRole("textbox", { name: /Intervenant/ }).fill(provider);
  await form.getByRole("button", { name: "Enregistrer la ligne" }).click();
  await element.getByRole("rowheader", { name: new RegExp(`— ${provider} \\(`) }).first().waitFor();
}

test("a line changed by one coordinator reaches another; a concurrent change of the same field shows both values", async () => {
  const c = await sharedPlan(claire, "claire");
  const n = await sharedPlan(nadia, "nadia");

  await setProvider(c.element, "Domidom Lyon");
  await onServer("Domidom Lyon");
  await n.element.getByRole("rowheader", { name: /— Domidom Lyon \(/ }).first().waitFor();

  // Nadia, offline, gives the line to the ADMR while Claire, online, gives it to Amapa.
  await nadia.context.setOffline(true);
  await setProvider(n.element, "ADMR du Val");
  await syncStatus(n.element).filter({ hasText: "en attente d'envoi : 1" }).waitFor();
  await setProvider(c.element, "Amapa");
  await onServer("Amapa");
  await nadia.context.setOffline(false);

  const conflicts = n.element.getByRole("region", { name: "Modifications en conflit" });
  await conflicts.waitFor();
  const row = conflicts.getByRole("row", { name: /Intervenant/ });
  assert.deepEqual(await row.getByRole("cell").allInnerTexts(), ["ADMR du Val", "Amapa"]);
  await n.element.getByRole("rowheader", { name: /— Amapa \(/ }).first().waitFor();
  await assertAccessible(n.page);

  // Claire starts typing a new line; what arrives meanwhile must not wipe it.
  const typing = c.element.locator("form.line-form").getByRole("textbox", { name: /Intervenant/ });
  await typing.fill("Saisie en cours");
  await conflicts.getByRole("button", { name: "Garder ma valeur" }).click();
  await conflicts.waitFor({ state: "hidden" });
  await n.element.getByRole("rowheader", { name: /— ADMR du Val \(/ }).first().waitFor();
  await c.element.getByRole("rowheader", { name: /— ADMR du Val \(/ }).first().waitFor();
  assert.equal(await typing.inputValue(), "Saisie en cours", "a pulled change keeps the form as typed");
  await c.page.close();
  await n.page.close();
});

test("a nurse's « RAS » in the liaison book marks today's visit done in the coordinator's plan", async () => {
  const c = await sharedPlan(claire, "claire");
  // A daily nursing line from today, so whatever the day there is a visit to mark.
  const form = c.element.locator("form.line-form");
  await form.getByRole("combobox", { name: "Ligne à modifier" }).selectOption({ index: 0 });
  await form.getByRole("combobox", { name: "Type de service" }).selectOption({ label: "Soins infirmiers" });
  await form.getByRole("textbox", { name: /Intervenant/ }).fill("SSIAD du Pays");
  await form.getByRole("combobox", { name: "Rythme" }).selectOption({ label: "tous les jours" });
  await form.getByRole("button", { name: "Ajouter la ligne" }).click();
  await onServer("SSIAD du Pays");

  const nurse = await nadia.open(`/sync.html?as=nadia&endpoint=${encodeURIComponent(endpoint)}`);
  const book = nurse.locator("relais-liaison-book");
  await book.getByRole("group", { name: "Notes rapides" }).getByRole("button", { name: "RAS", exact: true }).click();
  await book.getByRole("button", { name: "Enregistrer" }).click();
  await book.locator(".entry").filter({ hasText: "RAS, passage effectué." }).first().waitFor();

  // Claire's plan pulls the transmission at its next poll and draws it against the visits.
  await c.element.locator(".visit.done").first().waitFor({ timeout: 45_000 });
  assert.match(await c.element.locator(".visit.done").first().getAttribute("aria-label"), /fait \(passage noté au cahier de liaison\)/);
  const table = c.element.getByRole("region", { name: /^Prévu et réalisé — / });
  const noted = await table.locator("tbody tr td:nth-child(3)").allInnerTexts();
  assert.equal(noted.reduce((sum, n) => sum + Number(n), 0), 1, "one passage, one visit done");
  await assertAccessible(c.page);
  await nurse.close();
  await c.page.close();
});

// Two care workers sync through the reference server (relais-server --demo): what one writes
// reaches the other, and a write made offline waits, marked, until the network returns.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { start, book, STRICT_CSP, save, assertAccessible } from "./harness.mjs";
import { startRelaisServer } from "./relais-server.mjs";

// A browser offline (or a server not yet reachable) logs failed requests: they are the point here.
const EXPECTED = /ERR_INTERNET_DISCONNECTED|Failed to fetch/;

let aline, karim, server, endpoint;

/** Starts relais-server on a free port for both demo origins; resolves with its URL. */
async function startServer(origins) {
  const args = ["--demo", "--db", "sqlite::memory:", "--listen", "127.0.0.1:0"];
  for (const origin of origins) args.push("--allow-origin", origin);
  const started = await startRelaisServer(args);
  server = started.child;
  return started.endpoint;
}

before(async () => {
  const headers = [{ "content-security-policy": STRICT_CSP }, { "content-security-policy": STRICT_CSP }];
  aline = await start({ headers: headers[0] });
  karim = await start({ headers: headers[1] });
  endpoint = await startServer([aline.base, karim.base]);
  for (const h of headers) h["content-security-policy"] = `${STRICT_CSP}; connect-src 'self' ${new URL(endpoint).origin}`;
});
after(async () => {
  server?.kill();
  await aline?.close();
  await karim?.close();
});
afterEach(() => {
  for (const demo of [aline, karim]) {
    const unexpected = demo.problems.splice(0).filter((p) => !EXPECTED.test(p));
    assert.deepEqual(unexpected, [], "no unexpected console error, page error or dialog");
  }
});

const page = (demo, who) => demo.open(`/sync.html?as=${who}&endpoint=${encodeURIComponent(endpoint)}`);

const entry = (element, text) => element.locator(".entry").filter({ hasText: text });
const status = (element) => element.getByRole("status", { name: "État de la synchronisation" });

test("a transmission written by one care worker reaches another", async () => {
  const a = await book(await page(aline, "aline"));
  await save(a, "Passage de 9 h : petit-déjeuner pris");
  await entry(a, "Passage de 9 h").waitFor();
  await status(a).getByText("Tout est envoyé").waitFor();
  await status(a).getByText(/Dernière synchronisation/).waitFor();
  assert.equal(await entry(a, "Passage de 9 h").locator(".badge.unsent").count(), 0);

  const karimTab = await page(karim, "karim");
  const k = await book(karimTab);
  await entry(k, "Passage de 9 h : petit-déjeuner pris").waitFor();
  assert.match(await entry(k, "Passage de 9 h").innerText(), /Aline Martin/);
  // Closed, so Karim's next tab leads and pulls at once; Aline's tab stays open and leads.
  await karimTab.close();
});

test("a write made offline in a second tab waits, marked, and is confirmed once back online", async () => {
  // Aline's first tab still holds the lock: this one writes, the first one sends.
  const tab = await page(aline, "aline");
  const a = await book(tab);
  await status(a).getByText("Tout est envoyé").waitFor();
  await aline.context.setOffline(true);
  await status(a).getByText("Hors ligne").waitFor();
  await save(a, "Écrit sans réseau : chute sans gravité");
  await entry(a, "Écrit sans réseau").getByText("en attente d'envoi").waitFor();
  await status(a).getByText(/1 écriture en attente d'envoi/).waitFor();
  await assertAccessible(tab);

  await aline.context.setOffline(false);
  await status(a).getByText("En ligne").waitFor();
  await status(a).getByText("Tout est envoyé").waitFor();
  await entry(a, "Écrit sans réseau").locator(".badge.unsent").waitFor({ state: "detached" });

  const k = await book(await page(karim, "karim"));
  await entry(k, "Écrit sans réseau : chute sans gravité").waitFor();
});

/** Closes every tab of `demo` and opens one: it becomes the leader and pulls at once. */
async function freshLeader(demo, who) {
  for (const open of demo.context.pages()) await open.close();
  return book(await page(demo, who));
}

test("an entry shown to a second care worker reads « Lu par » for its author after sync", async () => {
  const a = await freshLeader(aline, "aline");
  await save(a, "Rendez-vous chez le kiné jeudi à 15 h");
  await status(a).getByText("Tout est envoyé").waitFor();
  assert.equal(await entry(a, "Rendez-vous chez le kiné").locator(".receipts").count(), 0, "nobody has read it yet");

  const k = await freshLeader(karim, "karim");
  // Displayed on Karim's screen: his receipt is recorded, shown, then pushed.
  await entry(k, "Rendez-vous chez le kiné").getByText("Lu par Karim Benali").waitFor();
  await entry(k, "Passage de 9 h").getByText("Lu par Karim Benali").waitFor();

  // Aline's next sync brings the receipt; her own entries never get her own receipt.
  let line = entry(a, "Rendez-vous chez le kiné").locator(".receipts");
  for (let attempt = 0; attempt < 10 && !(await line.count()); attempt++) {
    const again = await freshLeader(aline, "aline");
    await status(again).getByText(/Dernière synchronisation/).waitFor();
    await again.locator(".entry").first().waitFor();
    line = entry(again, "Rendez-vous chez le kiné").locator(".receipts");
  }
  assert.equal(await line.innerText(), "Lu par Karim Benali");
});

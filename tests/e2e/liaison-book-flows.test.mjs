// The liaison book's everyday flows, as a care worker goes through them (issue #5): a quick
// note in two presses, search without accents, replies and corrections, a vigilance point
// acknowledged by a colleague through the reference server, and 10,000 entries that stay fast.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { start, book, STRICT_CSP, save } from "./harness.mjs";
import { startRelaisServer } from "./relais-server.mjs";

let demo;
before(async () => {
  demo = await start();
});
after(async () => demo.close());
afterEach(() => {
  assert.deepEqual(demo.problems.splice(0), [], "no console error, page error or dialog");
});

const entry = (element, text) => element.locator(".entry").filter({ hasText: text });
/** The entry whose own text is exactly `text` (a reply or correction quotes its target). */
const exactEntry = (element, text) =>
  element.locator(".entry").filter({ has: element.page().locator(".text").getByText(text, { exact: true }) });

test("a quick note is saved in two presses, with the chip's category", async () => {
  const page = await demo.open("/");
  const element = await book(page);
  const chips = element.getByRole("group", { name: "Notes rapides" });
  let interactions = 0;
  await chips.getByRole("button", { name: "Repas pris", exact: true }).click();
  interactions++;
  await element.getByRole("button", { name: "Enregistrer" }).click();
  interactions++;
  const saved = entry(element, "Repas pris.").first();
  await saved.waitFor();
  assert.equal(await saved.locator(".category").innerText(), "Alimentation & hydratation");
  await element.getByRole("status").filter({ hasText: "Transmission enregistrée." }).waitFor();
  assert.ok(interactions <= 3, `${interactions} interactions`);
  await page.close();
});

test("search ignores accents and case: « fievre » finds « Fièvre à 38,5 »", async () => {
  const page = await demo.open("/");
  const element = await book(page);
  await save(element, "Fièvre à 38,5 ce matin");
  await save(element, "Courses faites, frigo rempli");
  await entry(element, "Fièvre à 38,5").waitFor();
  await entry(element, "Courses faites").waitFor();

  await element.getByRole("searchbox", { name: "Rechercher" }).fill("fievre");
  await entry(element, "Courses faites").waitFor({ state: "detached" });
  assert.equal(await entry(element, "Fièvre à 38,5 ce matin").count(), 1);

  await element.getByRole("searchbox", { name: "Rechercher" }).fill("");
  await entry(element, "Courses faites").waitFor();
  await page.close();
});

test("a reply links to its entry; a correction marks the original « Corrigée » and keeps it readable", async () => {
  const page = await demo.open("/");
  const element = await book(page);
  await save(element, "Kiné annulé mardi");
  const original = entry(element, "Kiné annulé mardi").first();
  await original.waitFor();

  await original.getByRole("button", { name: "Répondre" }).click();
  await element.getByText("Réponse à : « Kiné annulé mardi »").waitFor();
  await save(element, "Nouveau rendez-vous pris pour jeudi");
  const reply = entry(element, "Nouveau rendez-vous pris pour jeudi");
  await reply.waitFor();
  assert.match(await reply.locator(".link").innerText(), /^En réponse à : « Kiné annulé mardi »$/);

  await save(element, "Toilette faite à 10 h");
  const wrong = exactEntry(element, "Toilette faite à 10 h");
  await wrong.waitFor();
  await wrong.getByRole("button", { name: "Corriger" }).click();
  await element.getByText("Correction de : « Toilette faite à 10 h »").waitFor();
  const textarea = element.getByLabel("Nouvelle transmission");
  assert.equal(await textarea.inputValue(), "Toilette faite à 10 h", "the correction starts from the original text");
  await save(element, "Toilette faite à 11 h");
  const correction = exactEntry(element, "Toilette faite à 11 h");
  await correction.waitFor();
  assert.match(await correction.locator(".link").innerText(), /^Corrige : « Toilette faite à 10 h »$/);

  await wrong.getByText("Corrigée").waitFor();
  assert.equal(await wrong.locator(".text").innerText(), "Toilette faite à 10 h", "the original stays readable");
  assert.equal(await correction.getByText("Corrigée").count(), 0);
  await page.close();
});

test("a vigilance point acknowledged by a second care worker shows his name to its author", async (t) => {
  const headers = [{ "content-security-policy": STRICT_CSP }, { "content-security-policy": STRICT_CSP }];
  const aline = await start({ headers: headers[0] });
  const karim = await start({ headers: headers[1] });
  const { child, endpoint } = await startRelaisServer([
    "--demo", "--db", "sqlite::memory:", "--listen", "127.0.0.1:0",
    "--allow-origin", aline.base, "--allow-origin", karim.base,
  ]);
  t.after(async () => {
    child.kill();
    await aline.close();
    await karim.close();
  });
  for (const h of headers) h["content-security-policy"] = `${STRICT_CSP}; connect-src 'self' ${new URL(endpoint).origin}`;
  const open = async (side, who) => {
    for (const tab of side.context.pages()) await tab.close();
    return book(await side.open(`/sync.html?as=${who}&endpoint=${encodeURIComponent(endpoint)}`));
  };
  const status = (element) => element.getByRole("status", { name: "État de la synchronisation" });
  const text = "Escalier glissant : ne pas la laisser descendre seule";

  const a = await open(aline, "aline");
  await a.getByLabel("Nouvelle transmission").fill(text);
  await a.getByLabel("Point de vigilance (à faire prendre en compte)").check();
  await a.getByRole("button", { name: "Enregistrer" }).click();
  await entry(a, text).getByText("Personne ne l'a encore pris en compte.").waitFor();
  await status(a).getByText("Tout est envoyé").waitFor();

  const k = await open(karim, "karim");
  const pinned = k.getByRole("region", { name: "Points de vigilance à prendre en compte" });
  const item = pinned.getByRole("listitem").filter({ hasText: text });
  await item.waitFor();
  await item.getByRole("button", { name: "Pris en compte" }).click();
  await entry(k, text).getByText("Pris en compte par : Karim Benali").waitFor();
  await status(k).getByText("Tout est envoyé").waitFor();

  // Aline's next sync brings the acknowledgement.
  let acks = "";
  for (let attempt = 0; attempt < 10 && !acks.includes("Karim Benali"); attempt++) {
    const again = await open(aline, "aline");
    await status(again).getByText(/Dernière synchronisation/).waitFor();
    await entry(again, text).waitFor();
    acks = await entry(again, text).locator(".acks").innerText();
  }
  assert.equal(acks, "Pris en compte par : Karim Benali");
  const unexpected = [...aline.problems, ...karim.problems].filter((p) => !/Failed to fetch/.test(p));
  assert.deepEqual(unexpected, [], "no console error, page error or dialog");
});

test("10,000 entries: first paint and search stay fast", { timeout: 300_000 }, async () => {
  const page = await demo.open("/bench.html");
  await page.waitForFunction(() => window.benchResults, null, { timeout: 300_000 });
  const numbers = await page.evaluate(() => window.benchResults);
  assert.equal(numbers.error, undefined, numbers.error);
  console.log(await page.locator("#results").innerText());
  assert.equal(numbers.entries, 10_000);
  // Loose limits: the machine is shared; the targets (140 ms, one frame) are printed above.
  assert.ok(numbers.firstPaintMs > 0 && numbers.firstPaintMs < 1_000, `first paint ${numbers.firstPaintMs} ms`);
  assert.ok(numbers.searchMedianMs > 0 && numbers.searchMedianMs < 200, `search median ${numbers.searchMedianMs} ms`);
  assert.ok(numbers.renderedRows < 1_000, `${numbers.renderedRows} rows in the DOM: the list is virtualized`);
  await page.close();
});

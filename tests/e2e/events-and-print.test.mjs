// What reaches the host page, paper and relatives: the alert and escalation events heard by a
// listener in the page's own script, the weekly digest as the print stylesheet shows it, and
// the family view without restricted categories, on screen and in the FHIR file it downloads.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { start, book } from "./harness.mjs";

let demo;
before(async () => {
  demo = await start();
});
after(async () => demo.close());
afterEach(() => {
  assert.deepEqual(demo.problems.splice(0), [], "no console error, page error or dialog");
});

test("an alert and, after the configured delay, its escalation reach the host page", async () => {
  const page = await demo.open("/events.html");
  const element = await book(page);
  await element.getByRole("button", { name: "Chute", exact: true }).click();
  await element.getByLabel("Nouvelle transmission").fill("Chute dans la cuisine, relevée avec aide");
  await element.getByRole("button", { name: "Enregistrer" }).click();

  const log = page.getByRole("list", { name: "Événements reçus par le portail" });
  const alert = log.locator("li.relais-alert");
  await alert.waitFor();
  assert.match(await alert.innerText(), /^relais:alert — mobilite-chute — Aline Martin : Chute dans la cuisine, relevée avec aide$/);

  const escalation = log.locator("li.relais-escalation");
  await escalation.waitFor({ timeout: 15_000 });
  assert.match(await escalation.innerText(), /Chute dans la cuisine/);
  await element.locator(".pinned-entry.escalated").getByText("Signalé").waitFor();
  assert.equal(await log.locator("li").count(), 2, "each event is sent once");
  await page.close();
});

test("the weekly digest prints in large type without controls or restricted entries", async () => {
  const page = await demo.open("/");
  const element = await book(page);
  await element.getByLabel("Nouvelle transmission").fill("Promenade au jardin avec sa fille");
  await element.getByRole("button", { name: "Enregistrer" }).click();
  await element.getByLabel("Catégorie", { exact: true }).first().selectOption("sante-douleur");
  await element.getByLabel("Nouvelle transmission").fill("Douleur lombaire signalée");
  await element.getByRole("button", { name: "Enregistrer" }).click();
  await element.locator(".entry .text").getByText("Douleur lombaire signalée").waitFor();

  await page.evaluate(() => {
    window.print = () => {
      window.printed = (window.printed ?? 0) + 1;
    };
  });
  await element.getByRole("button", { name: "Imprimer le résumé de la semaine" }).click();
  await page.waitForFunction(() => window.printed === 1);
  await page.emulateMedia({ media: "print" });

  const digest = element.locator(".digest");
  assert.ok(await digest.isVisible());
  const text = await digest.innerText();
  assert.match(text, /Résumé de la semaine/);
  assert.match(text, /Promenade au jardin avec sa fille/);
  assert.doesNotMatch(text, /Douleur lombaire/);
  assert.equal(await element.locator(".composer").isVisible(), false);
  assert.equal(await element.getByRole("button", { name: "Imprimer le résumé de la semaine" }).isVisible(), false);
  const size = await digest.locator(".digest-text").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 24, `digest text is ${size}px`);

  await page.emulateMedia({ media: "screen" });
  assert.equal(await digest.isVisible(), false, "the digest is for paper only");
  await page.close();
});

test("a relative writes a request and never sees a health entry, even one stored locally", async () => {
  const page = await demo.open("/famille.html");
  let element = await book(page);
  const composer = element.getByRole("form", { name: "Écrire une transmission" });
  assert.equal(await composer.getByLabel("Catégorie", { exact: true }).inputValue(), "demande");
  assert.equal(await composer.getByLabel("Urgence", { exact: true }).count(), 0, "no urgency choice for relatives");
  await element.getByRole("button", { name: "Une demande" }).click();
  await element.getByLabel("Nouvelle transmission").fill("Pourriez-vous lui proposer une promenade ?");
  await element.getByRole("button", { name: "Enregistrer" }).click();
  await element.locator(".entry .text").getByText("Pourriez-vous lui proposer une promenade ?").waitFor();

  // What a careless sync could leave behind: a health entry in the relative's own database.
  await page.evaluate(async () => {
    const request = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n.includes("sophie"));
    const db = await request(indexedDB.open(name));
    const [record] = await request(db.transaction("transmissions").objectStore("transmissions").getAll());
    const health = { ...record, id: crypto.randomUUID(), category: "sante-douleur", text: "Douleur thoracique, médecin appelé" };
    await request(db.transaction("transmissions", "readwrite").objectStore("transmissions").put(health));
    db.close();
  });
  await page.reload();
  element = await book(page);
  await element.locator(".entry .text").getByText("Pourriez-vous lui proposer une promenade ?").waitFor();
  assert.equal(await element.getByText("Douleur thoracique").count(), 0);
  const options = await element.getByRole("search").getByLabel("Catégorie").locator("option").allInnerTexts();
  assert.ok(!options.some((o) => /Santé|maltraitance/.test(o)), options.join(", "));

  // The FHIR file a relative downloads holds what they see, and nothing more.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    element.getByRole("button", { name: "Exporter (FHIR)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^transmissions-.+\.fhir\.json$/);
  const bundle = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(bundle.resourceType, "Bundle");
  const texts = bundle.entry.filter((e) => e.resource.resourceType === "Communication").map((e) => JSON.stringify(e.resource));
  assert.equal(texts.length, await element.locator(".entry").count());
  assert.ok(texts.some((t) => t.includes("Pourriez-vous lui proposer une promenade ?")));
  assert.ok(!texts.some((t) => t.includes("Douleur thoracique")));
  await page.close();
});

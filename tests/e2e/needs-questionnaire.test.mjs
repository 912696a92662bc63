// An evaluator fills the AGGIR grid with the keyboard alone and watches the GIR follow, as a
// person would: in Chromium, against the built demo, under the strict CSP.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { start } from "./harness.mjs";

/** The 17 discriminant activities, in the grid's order. */
const DISCRIMINANT = 17;

let demo;
before(async () => {
  demo = await start();
});
after(async () => demo.close());
afterEach(() => {
  assert.deepEqual(demo.problems.splice(0), [], "no console error, page error or dialog");
});

/** The questionnaire on `page`, once its draft is open. */
async function questionnaire(page) {
  const element = page.locator("relais-needs-questionnaire");
  await element.locator(".progress").waitFor();
  return element;
}

const focusedSlot = (element) => element.evaluate((el) => el.shadowRoot.activeElement?.dataset.slot ?? null);

test("the grid coded by keyboard gives a live GIR, resumes after a reload and finalises when complete", async () => {
  const page = await demo.open("/evaluation.html");
  const element = await questionnaire(page);
  const gir = element.locator(".gir");

  // Every activity but the last, "ne fait pas": one Space and one Tab each, adverbs hidden.
  await element.locator('[data-slot="coherence.communication.ne-fait-pas#0"]').focus();
  for (let i = 0; i < DISCRIMINANT - 1; i++) {
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
  }
  assert.equal(await focusedSlot(element), "alerter.ne-fait-pas#0", "one tab stop per activity");
  assert.equal(await element.locator('[data-variable="transferts"]').innerText(), "Transferts : C");
  assert.equal(await element.locator('[data-slot="transferts.spontanement#0"]').count(), 0, "adverbs hidden");
  assert.match(await gir.innerText(), /pas encore complète/);

  await page.reload();
  const resumed = await questionnaire(page);
  assert.match(await resumed.locator(".progress").innerText(), /réponses données : 16/);
  await resumed.getByRole("button", { name: "Finaliser l'évaluation" }).click();
  await resumed.locator(".missing li").first().waitFor();
  assert.match(await resumed.locator(".missing li").first().innerText(), /Alerter — Spontanément/);
  assert.equal(await focusedSlot(resumed), "alerter.spontanement#0", "focus on the first missing answer");

  await resumed.locator('[data-slot="alerter.ne-fait-pas#0"]').focus();
  await page.keyboard.press("Space");
  await resumed.locator(".gir").filter({ hasText: "GIR 1" }).waitFor();
  await resumed.getByRole("button", { name: "Finaliser l'évaluation" }).click();
  assert.match(await resumed.locator(".finalized").innerText(), /Évaluation finalisée par Claire Petit/);
  await page.close();
});

test("axe-core finds no WCAG 2.x A/AA violation on the evaluation page", async () => {
  const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const page = await demo.open("/evaluation.html");
  const element = await questionnaire(page);
  await element.getByRole("button", { name: "Finaliser l'évaluation" }).click();
  await element.locator(".missing li").first().waitFor();
  // Evaluated through the driver: the page's CSP rightly forbids an injected inline script.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }),
  );
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(found, [], found.join("\n"));
  await page.close();
});

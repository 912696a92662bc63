// An evaluator fills the AGGIR grid with the keyboard alone and watches the GIR follow, as a
// person would: in Chromium, against the built demo, under the strict CSP.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { start, assertAccessible } from "./harness.mjs";

const root = resolve(import.meta.dirname, "../..");
const relais = resolve(root, "target/debug/relais");

/** The GIR the `relais` command gives for each profile: what the widget must show. */
function cliGir(profiles) {
  if (!existsSync(relais)) execFileSync("cargo", ["build", "-q", "-p", "relais-cli"], { cwd: root, stdio: "inherit" });
  const out = execFileSync(relais, ["gir", "--batch"], { input: profiles.join("\n") + "\n", encoding: "utf8" });
  return Object.fromEntries(out.trim().split("\n").map((line) => line.split(" ")));
}

/** The grid's discriminant activities per variable, read from the built-in definition. */
async function activitiesByVariable() {
  const grid = JSON.parse(await readFile(resolve(root, "crates/core/src/questionnaire/builtin/aggir.json"), "utf8"));
  const variables = grid.item.filter((i) => i.type === "group" && !["illustratives", "resultat"].includes(i.linkId));
  const codable = (group) => (group.item ?? []).some((c) => c.linkId === `${group.linkId}.ne-fait-pas`);
  return variables.map((v) => (codable(v) ? [v.linkId] : v.item.filter(codable).map((g) => g.linkId)));
}

/** Answers the yes/no question `linkId` (instance 0) by clicking Oui or Non. */
async function yesNo(element, linkId, yes) {
  await element.locator(`input[type=radio][name$="-${linkId}-0"]`).nth(yes ? 0 : 1).check();
}

/** Codes one activity the way the guide teaches: A = all four adverbs, B = not "correctement", C = ne fait pas. */
async function code(element, activity, letter) {
  await yesNo(element, `${activity}.ne-fait-pas`, letter === "C");
  if (letter === "C") return;
  for (const adverb of ["spontanement", "totalement", "correctement", "habituellement"]) {
    await yesNo(element, `${activity}.${adverb}`, !(letter === "B" && adverb === "correctement"));
  }
}

async function fillProfile(element, variables, profile) {
  for (const [index, activities] of variables.entries()) {
    for (const activity of activities) await code(element, activity, profile[index]);
  }
}

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

/** Waits until every answer given is stored on the device, as the page says. */
async function saved(element) {
  await element.locator(".save-state").filter({ hasText: "Brouillon enregistré" }).waitFor();
}

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

  await saved(element);
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
  const page = await demo.open("/evaluation.html");
  const element = await questionnaire(page);
  await element.getByRole("button", { name: "Finaliser l'évaluation" }).click();
  await element.locator(".missing li").first().waitFor();
  await assertAccessible(page);
  await page.close();
});

test("several profiles coded through the adverbs give the GIR of the relais command; finalising signs it", async () => {
  const profiles = ["BBBBBBBBBB", "CCBBBBBBCC", "AAAAAAAAAA", "AABBABBAAA"];
  const expected = cliGir(profiles);
  const variables = await activitiesByVariable();
  const page = await demo.open("/evaluation.html");
  const element = await questionnaire(page);
  for (const profile of profiles) {
    await fillProfile(element, variables, profile);
    await element.locator(".gir").filter({ hasText: `GIR ${expected[profile]}` }).waitFor({ timeout: 5000 });
    const codes = await element.locator(".variable-codes li").allInnerTexts();
    assert.equal(codes.map((c) => c.at(-1)).join(""), profile, `codes shown for ${profile}`);
  }
  // The illustrative variables are recorded but leave the GIR alone, and the grid says so.
  await code(element, "illustratives.menage", "C");
  assert.equal(await element.locator(".gir").innerText(), `GIR ${expected.AABBABBAAA}`);
  assert.match(await element.locator(".aggir-result .note").innerText(), /ne changent pas le GIR/);

  await element.getByRole("button", { name: "Finaliser l'évaluation" }).click();
  assert.match(await element.locator(".finalized").innerText(), /Évaluation finalisée par Claire Petit/);
  assert.match(await element.locator(".finalize .fingerprint code").innerText(), /^[0-9a-f]{64}$/);
  const newest = element.locator(".versions li").first();
  assert.match(await newest.innerText(), new RegExp(`Version finalisée — .* — Claire Petit — GIR ${expected.AABBABBAAA}`));
  assert.match(await newest.locator("code").innerText(), /^[0-9a-f]{64}$/);
  await page.close();
});

test("amending the newest version and comparing shows what changed; ticked needs reach the host", async () => {
  const expected = cliGir(["AABBABBAAA", "AABBABCAAA"]);
  const page = await demo.open("/evaluation.html");
  const element = await questionnaire(page);
  await element.getByRole("button", { name: "Corriger cette évaluation (nouvelle version)" }).click();
  await element.locator(".gir").filter({ hasText: `GIR ${expected.AABBABBAAA}` }).waitFor();
  assert.match(await element.locator(".versions li").first().innerText(), /Brouillon — .* corrige la version du/);

  await yesNo(element, "transferts.ne-fait-pas", true);
  await element.locator(".gir").filter({ hasText: `GIR ${expected.AABBABCAAA}` }).waitFor();
  // A reload mid-amendment resumes the amendment, not a blank grid.
  await saved(element);
  await page.reload();
  const resumed = await questionnaire(page);
  await resumed.locator(".gir").filter({ hasText: `GIR ${expected.AABBABCAAA}` }).waitFor();
  await resumed.getByRole("button", { name: "Finaliser l'évaluation" }).click();
  await resumed.locator(".finalized").waitFor();
  assert.match(await resumed.locator(".versions li").first().innerText(), /^Version corrigée/);

  const comparison = resumed.locator(".comparison");
  const gir = expected.AABBABBAAA === expected.AABBABCAAA ? "" : `GIR ${expected.AABBABBAAA} → ${expected.AABBABCAAA} ; `;
  assert.equal(await comparison.innerText(), `${gir}transferts B → C`);
  await resumed.getByLabel("Évaluation de départ").selectOption({ index: 2 });
  assert.match(await comparison.innerText(), /→/, "the version finalised by the first test compares too");

  const toilette = resumed.locator('[data-need="aggir:toilette"]');
  assert.match(await toilette.innerText(), /Aide à la toilette — Actes de la vie quotidienne · Aide à domicile \(Toilette : B\)/);
  await toilette.getByRole("checkbox").check();
  await resumed.locator('[data-need="aggir:transferts"]').getByRole("checkbox").check();
  await resumed.getByRole("button", { name: "Proposer au plan d'aide" }).click();
  await page.locator("#needs-log li").nth(1).waitFor();
  assert.deepEqual(await page.locator("#needs-log li").allInnerTexts(), [
    "Aide à la toilette — Actes de la vie quotidienne — Aide à domicile (Toilette : B)",
    "Aide aux transferts (lever, coucher, s'asseoir) — Actes de la vie quotidienne — Aide à domicile (Transferts : C)",
  ]);
  await assertAccessible(page); // proposals ticked, comparison shown, versions listed
  await page.close();
});

test("a host questionnaire from a URL renders enableWhen, repeats and every control; an invalid one says why", async () => {
  const page = await demo.open("/host-questionnaire.html");
  const element = page.locator("relais-needs-questionnaire").first();
  await element.locator(".progress").waitFor();
  assert.match(await element.locator("h1").innerText(), /Repérage de la fragilité/);

  const service = element.getByLabel("Service évaluateur");
  assert.equal(await service.inputValue(), "SAAD Les Tilleuls", "initial value");
  assert.equal(await service.getAttribute("readonly"), "", "read-only");
  assert.equal(await element.getByLabel("Chutes dans les 6 derniers mois").inputValue(), "0");
  assert.equal(await element.locator('input[type=radio][name$="-humeur-0"]').count(), 3, "three options: radios");
  assert.equal(await element.getByLabel("Nombre de repas par jour").locator("option").count(), 7, "six options: a select");
  assert.match(await element.locator(".unsupported").innerText(), /Photo du logement/);

  assert.equal(await element.getByLabel("Voisin ou proche à prévenir").count(), 0, "hidden until enabled");
  await yesNo(element, "vit-seul", true);
  const voisin = element.getByLabel("Voisin ou proche à prévenir");
  assert.equal(await voisin.getAttribute("maxlength"), "60");
  await voisin.fill("Mme Roux, 06 12 34 56 78");
  await voisin.press("Tab");
  await yesNo(element, "vit-seul", false);
  assert.equal(await element.getByLabel("Voisin ou proche à prévenir").count(), 0, "hidden again");

  await element.getByRole("button", { name: "Ajouter : Médicament" }).click();
  assert.equal(await element.getByLabel("Nom du médicament").count(), 2);
  await element.getByLabel("Nom du médicament").nth(1).fill("Paracétamol");
  await element.getByRole("button", { name: "Retirer : Médicament 1" }).click();
  assert.equal(await element.getByLabel("Nom du médicament").count(), 1);
  assert.equal(await element.getByLabel("Nom du médicament").inputValue(), "Paracétamol");

  await element.getByRole("button", { name: "Finaliser l'évaluation" }).click();
  assert.match(await element.locator(".missing").innerText(), /Date de la visite/);

  const invalid = page.locator("relais-needs-questionnaire").nth(1);
  const error = invalid.locator(".error[role=alert]");
  await error.waitFor();
  assert.match(await error.innerText(), /questionnaire fourni invalide.*linkId/s);
  await page.close();
});

test("an unreachable questionnaire URL says so in the form", async () => {
  const page = await demo.open("/host-questionnaire.html");
  await page.evaluate(() => {
    const element = document.createElement("relais-needs-questionnaire");
    for (const [name, value] of Object.entries({
      subject: "usager-jeanne-dupont", tenant: "demo", "questionnaire-url": "absent.json",
      "user-id": "claire.petit", "user-name": "Claire Petit", "user-role": "coordinateur-autonomie",
    })) element.setAttribute(name, value);
    document.querySelector("main").append(element);
  });
  const error = page.locator("relais-needs-questionnaire").nth(2).locator(".error[role=alert]");
  await error.waitFor();
  assert.match(await error.innerText(), /questionnaire introuvable à « absent.json ».*HTTP 404/s);
  demo.problems.splice(0); // the 404 itself is logged by the browser: it is the point here
  await page.close();
});

test("axe-core finds no WCAG 2.x A/AA violation with history, comparison and a host questionnaire", async () => {
  for (const path of ["/evaluation.html", "/host-questionnaire.html"]) {
    const page = await demo.open(path);
    await page.locator("relais-needs-questionnaire").first().locator(".progress").waitFor();
    await assertAccessible(page);
    await page.close();
  }
});

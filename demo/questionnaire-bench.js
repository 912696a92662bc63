// Measures the needs questionnaire on a 300-item host questionnaire, in this browser: the time
// from inserting the element to the frame that shows every question, and from one answer to the
// DOM showing what enableWhen changed (and to the next frame). Numbers are printed, not judged.
import { when } from "./bench-kit.js";
const GROUPS = 25;
const FOLLOW_UPS = 10;
const ROUNDS = 20;
const stage = document.getElementById("stage");
const results = document.getElementById("results");
const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** 25 groups of one screening question (answered "Oui" by default) and ten follow-ups shown while it is. */
function questionnaire() {
  const group = (g) => ({
    linkId: `g${g}`, type: "group", text: `Dimension ${g + 1}`,
    item: [
      { linkId: `s${g}`, type: "boolean", text: `Difficulté dans la dimension ${g + 1} ?`, initial: [{ valueBoolean: true }] },
      ...Array.from({ length: FOLLOW_UPS }, (_, k) => ({
        linkId: `q${g}-${k}`, type: k % 2 ? "integer" : "string", text: `Précision ${k + 1} de la dimension ${g + 1}`,
        enableWhen: [{ question: `s${g}`, operator: "=", answerBoolean: true }],
      })),
    ],
  });
  return {
    resourceType: "Questionnaire", url: "http://relais.example/fhir/Questionnaire/banc-300", status: "active",
    title: "Banc d'essai : 300 éléments", item: Array.from({ length: GROUPS }, (_, g) => group(g)),
  };
}

const followUps = (root) => root.querySelectorAll('[data-slot^="q0-"]').length;

async function run() {
  await customElements.whenDefined("relais-needs-questionnaire");
  const element = document.createElement("relais-needs-questionnaire");
  const attributes = { subject: "usager-banc", tenant: `banc-${Date.now()}`, "user-id": "banc", "user-name": "Banc d'essai", "user-role": "gestionnaire-de-cas" };
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.questionnaire = questionnaire();
  const start = performance.now();
  stage.append(element);
  const root = element.shadowRoot;
  await when(root, (r) => r.querySelectorAll("[data-slot]").length === GROUPS * (FOLLOW_UPS + 1));
  await frame();
  const paintMs = performance.now() - start;

  const toDom = [];
  const toFrame = [];
  for (let round = 0; round < ROUNDS; round++) {
    const hide = round % 2 === 0;
    const radio = root.querySelectorAll('input[type=radio][name$="-s0-0"]')[hide ? 1 : 0];
    const t0 = performance.now();
    radio.click();
    toDom.push((await when(root, (r) => followUps(r) === (hide ? 0 : FOLLOW_UPS))) - t0);
    await frame();
    toFrame.push(performance.now() - t0);
  }
  const numbers = {
    items: GROUPS * (FOLLOW_UPS + 2),
    paintMs: Math.round(paintMs),
    answerToDomMedianMs: +median(toDom).toFixed(1),
    answerToDomMaxMs: +Math.max(...toDom).toFixed(1),
    answerToFrameMedianMs: +median(toFrame).toFixed(1),
  };
  results.textContent = [
    `items: ${numbers.items}`,
    `first paint with every question: ${numbers.paintMs} ms (target < 200 ms)`,
    `answer → visibility updated in the DOM (${ROUNDS} answers, 10 questions shown or hidden each): median ${numbers.answerToDomMedianMs} ms, max ${numbers.answerToDomMaxMs} ms (one frame = 16.7 ms)`,
    `answer → next frame painted: median ${numbers.answerToFrameMedianMs} ms`,
  ].join("\n");
  window.benchResults = numbers;
}

run().catch((error) => {
  results.textContent = `Échec : ${error.message}`;
  window.benchResults = { error: error.message };
});

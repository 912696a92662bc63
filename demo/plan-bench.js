// Paint times of the plan timeline on the 6,500-visit fixture: first paint with data, then
// each view switch and each step forward, measured from the click to the frame after the
// change appears. Results go to the page and to `window.benchResults` (read by the e2e test and tests/e2e/bench.mjs).
import { largePlan } from "./plan-fixture.js";

const out = document.getElementById("results");
const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));

async function until(check) {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await frame();
  }
  throw new Error("timeout");
}

async function timed(action, check) {
  const start = performance.now();
  action();
  await until(check);
  await frame();
  return performance.now() - start;
}

const subject = `usager-bench-${Date.now()}`;
const element = document.createElement("relais-plan-timeline");
for (const [name, value] of Object.entries({
  subject, tenant: `bench-${Date.now()}`, "user-id": "bench", "user-name": "Banc d'essai", "user-role": "gestionnaire-de-cas",
})) element.setAttribute(name, value);
element.plan = largePlan(subject);

const root = () => element.shadowRoot;
const heading = () => root()?.querySelector("h2.window")?.textContent ?? "";
const button = (name) => [...root().querySelectorAll("button")].find((b) => b.textContent.trim() === name || b.getAttribute("aria-label") === name);
const results = {};

results.first_paint = await timed(() => document.getElementById("stage").append(element), () => (root()?.querySelectorAll(".visit").length ?? 0) > 0);
for (const [name, check] of [
  ["Mois", () => root().querySelectorAll(".visit").length > 100],
  ["Plan entier", () => root().querySelectorAll(".count").length > 0],
  ["Semaine", () => root().querySelectorAll(".visit").length > 0 && root().querySelectorAll(".count").length === 0],
]) {
  const before = heading();
  results[`view ${name}`] = await timed(() => button(name).click(), () => heading() !== before && check());
}
const steps = [];
for (let i = 0; i < 10; i++) {
  const before = heading();
  steps.push(await timed(() => button("Période suivante").click(), () => heading() !== before));
}
results["next week (mean of 10)"] = steps.reduce((a, b) => a + b, 0) / steps.length;
results["next week (max of 10)"] = Math.max(...steps);
results["accessible list"] = await timed(() => button("Liste accessible").click(), () => root().querySelectorAll(".agenda li").length > 0);

window.benchResults = results;
out.textContent = Object.entries(results).map(([k, v]) => `plan-timeline ${k}: ${v.toFixed(1)} ms`).join("\n");
console.log(out.textContent);

// Drives the demo's benchmark pages in Debian's Chromium and prints what they measured:
// `node bench.mjs [page.html ...]`, by default every one. Not a test: the numbers depend on the
// machine, so nothing is asserted.
import { start } from "./harness.mjs";

const PAGES = ["bench.html", "questionnaire-bench.html", "plan-bench.html"];

const demo = await start();
try {
  for (const name of process.argv.slice(2).length ? process.argv.slice(2) : PAGES) {
    const page = await demo.open(`/${name}`);
    await page.waitForFunction(() => window.benchResults, null, { timeout: 300_000 });
    const numbers = await page.evaluate(() => window.benchResults);
    if (numbers.error) throw new Error(`${name}: ${numbers.error}`);
    console.log(await page.locator("#results").innerText());
    await page.close();
  }
  if (demo.problems.length) console.log(demo.problems.join("\n"));
} finally {
  await demo.close();
}

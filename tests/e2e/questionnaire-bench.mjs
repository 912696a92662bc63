// Drives demo/questionnaire-bench.html in Debian's Chromium and prints what it measured. Not a
// test: the numbers depend on the machine, so nothing is asserted.
import { start } from "./harness.mjs";

const demo = await start();
try {
  const page = await demo.open("/questionnaire-bench.html");
  await page.waitForFunction(() => window.benchResults, null, { timeout: 120_000 });
  const numbers = await page.evaluate(() => window.benchResults);
  if (numbers.error) throw new Error(numbers.error);
  console.log(await page.locator("#results").innerText());
  if (demo.problems.length) console.log(demo.problems.join("\n"));
} finally {
  await demo.close();
}

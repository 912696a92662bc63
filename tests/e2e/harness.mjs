// Serves the built demo (demo/dist) on a free loopback port and drives Debian's Chromium
// with playwright-core. Nothing here downloads a browser.
import { createServer } from "node:http";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const dist = resolve(import.meta.dirname, "../../demo/dist");
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
};

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** What a careful host sends: no inline script, no eval, no HTML-string sinks. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

function serve(headers) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = join(dist, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(dist)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

/** Starts the server (every response under `headers`, a strict CSP by default; the object is read at each response, so a test may change it) and a browser with an empty profile; returns helpers, the browser `context` and a `close`. */
export async function start({ headers = { "content-security-policy": STRICT_CSP } } = {}) {
  const server = await serve(headers);
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = await mkdtemp(join(tmpdir(), "relais-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const problems = [];
  const open = async (path = "/") => {
    const page = await context.newPage();
    page.on("console", (msg) => msg.type() === "error" && problems.push(`console: ${msg.text()}`));
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("dialog", (dialog) => {
      problems.push(`dialog opened: ${dialog.message()}`);
      dialog.dismiss();
    });
    await page.goto(base + path);
    return page;
  };
  const close = async () => {
    await context.close();
    server.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { base, open, problems, close, context };
}

/** The liaison book on `page`, once its database is open. */
export async function book(page, nth = 0) {
  const element = page.locator("relais-liaison-book").nth(nth);
  await element.locator(".entries, .notice:not([role=status])").first().waitFor();
  return element;
}

/** Writes `text` in the liaison book `element` and presses « Enregistrer », as a person would. */
export async function save(element, text) {
  await element.getByLabel("Nouvelle transmission").fill(text);
  await element.getByRole("button", { name: "Enregistrer" }).click();
}

/** axe-core (WCAG 2.x A/AA) on `page` as it is now, widgets' shadow roots included; evaluated
 * through the driver, since the page's CSP rightly forbids an injected inline script. */
export async function assertAccessible(page) {
  const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }),
  );
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(found, [], `${page.url()}\n${found.join("\n")}`);
}

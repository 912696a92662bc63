// A finalised evaluation reaches the reference server (relais-server --demo), even when it was
// finalised offline: the version waits, marked, and goes as soon as the network returns.
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { start, STRICT_CSP } from "./harness.mjs";
import { startRelaisServer } from "./relais-server.mjs";

// A browser offline logs its failed requests: they are the point here.
const EXPECTED = /ERR_INTERNET_DISCONNECTED|Failed to fetch/;

let demo, server, endpoint;

async function startServer(origin) {
  const started = await startRelaisServer(["--demo", "--db", "sqlite::memory:", "--listen", "127.0.0.1:0", "--allow-origin", origin]);
  server = started.child;
  return started.endpoint;
}

before(async () => {
  const headers = { "content-security-policy": STRICT_CSP };
  demo = await start({ headers });
  endpoint = await startServer(demo.base);
  headers["content-security-policy"] = `${STRICT_CSP}; connect-src 'self' ${new URL(endpoint).origin}`;
});
after(async () => {
  server?.kill();
  await demo?.close();
});
afterEach(() => {
  const unexpected = demo.problems.splice(0).filter((p) => !EXPECTED.test(p));
  assert.deepEqual(unexpected, [], "no unexpected console error, page error or dialog");
});

/** What the server holds for Claire Petit's evaluations, read as any client would pull them. */
async function evaluationsOnServer() {
  const url = `${endpoint}/pull?client_group=${randomUUID()}&limit=1000`;
  const response = await fetch(url, { headers: { authorization: "Bearer demo-claire" } });
  assert.equal(response.status, 200);
  const { changes } = await response.json();
  return changes.filter((c) => c.target.type === "evaluation").map((c) => c.resource);
}

test("an evaluation finalised offline waits, marked, and is on the server once back online", async () => {
  const page = await demo.open(`/evaluation-sync.html?endpoint=${encodeURIComponent(endpoint)}`);
  const element = page.locator("relais-needs-questionnaire");
  await element.locator(".progress").waitFor();
  await demo.context.setOffline(true);

  // Every activity "ne fait pas": GIR 1.
  const boxes = element.locator('input[type=radio][name$=".ne-fait-pas-0"]');
  const count = await boxes.count();
  for (let i = 0; i < count; i += 2) await boxes.nth(i).check();
  await element.locator(".gir").filter({ hasText: "GIR 1" }).waitFor();
  await element.getByRole("button", { name: "Finaliser l'évaluation" }).click();
  const newest = element.locator(".versions li").first();
  await newest.getByText("en attente d'envoi").waitFor();
  const fingerprint = await newest.locator("code").innerText();
  assert.deepEqual(await evaluationsOnServer(), [], "nothing reached the server while offline");

  await demo.context.setOffline(false);
  await newest.getByText("envoyée au serveur").waitFor({ timeout: 20_000 });
  const stored = await evaluationsOnServer();
  assert.equal(stored.length, 1);
  assert.equal(stored[0].sha256, fingerprint, "the server holds the signed version as signed");
  assert.equal(stored[0].stage, "final");
  assert.equal(stored[0].author.name, "Claire Petit");
  await page.close();
});

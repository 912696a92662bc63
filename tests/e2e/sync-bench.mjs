// Measures sync end to end, as issue #4 asks: `node sync-bench.mjs`. The reference server
// (relais-server --demo, SQLite in memory) receives 10,000 transmissions about Mme Dupont from
// Aline; Nadia then opens the synced liaison book in Debian's Chromium with an empty profile.
// Printed: the server's push rate seen over HTTP, the time until the browser has pulled every
// page, the time until the oldest entry is found by the book's search, and the requests and
// bytes of one idle sync cycle. Not a test: the numbers depend on the machine.
import { randomBytes, randomUUID } from "node:crypto";
import { start, book, STRICT_CSP } from "./harness.mjs";
import { startRelaisServer } from "./relais-server.mjs";

const ENTRIES = 10_000;
const BATCH = 100; // the protocol's limit per push
const ALINE = { id: "aline.martin", name: "Aline Martin", role: "aide-a-domicile" };

/** A UUIDv7 for `ms`, as the widgets make them. */
function uuidv7(ms) {
  const time = ms.toString(16).padStart(12, "0");
  const r = randomBytes(10).toString("hex");
  const variant = (8 | (parseInt(r[3], 16) & 3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${r.slice(0, 3)}-${variant}${r.slice(4, 7)}-${r.slice(7, 19)}`;
}

function transmission(seq, at) {
  const id = uuidv7(at);
  return {
    seq,
    id: uuidv7(at),
    kind: "transmission.create",
    target: { type: "transmission", id },
    payload_version: 1,
    device_time: at,
    payload: {
      id,
      subject: "usager-1-dupont",
      author: ALINE,
      category: "passage",
      urgency: "information",
      vigilance: false,
      created_at: at,
      text: `Passage n° ${String(seq).padStart(5, "0")} : repas pris, RAS.`,
    },
  };
}

/** Pushes ENTRIES transmissions as Aline, a batch at a time; returns mutations per second. */
async function seed(endpoint) {
  const group = randomUUID();
  const first = Date.now() - ENTRIES * 60_000;
  const began = performance.now();
  for (let seq = 1; seq <= ENTRIES; seq += BATCH) {
    const mutations = Array.from({ length: BATCH }, (_, i) => transmission(seq + i, first + (seq + i) * 60_000));
    const response = await fetch(`${endpoint}/push`, {
      method: "POST",
      headers: { authorization: "Bearer demo-aline", "content-type": "application/json" },
      body: JSON.stringify({ protocol: 1, schema: 2, client_group: group, mutations }),
    });
    const { outcomes } = await response.json();
    if (outcomes.some((o) => o.status !== "applied")) throw new Error(JSON.stringify(outcomes.find((o) => o.status !== "applied")));
  }
  return ENTRIES / ((performance.now() - began) / 1000);
}

const headers = { "content-security-policy": STRICT_CSP };
const demo = await start({ headers });
const server = await startRelaisServer(["--demo", "--db", "sqlite::memory:", "--listen", "127.0.0.1:0", "--allow-origin", demo.base]);
headers["content-security-policy"] = `${STRICT_CSP}; connect-src 'self' ${server.url}`;
try {
  const rate = await seed(server.endpoint);
  const page = await demo.context.newPage();
  let pulled = 0;
  let pages = 0;
  const allPulled = new Promise((done) => {
    page.on("response", async (response) => {
      if (!response.url().includes("/api/relais/pull")) return;
      const body = await response.json().catch(() => null);
      if (!body) return;
      pages += 1;
      pulled += body.changes.length;
      if (!body.has_more && pulled >= ENTRIES) done(performance.now());
    });
  });
  const opened = performance.now();
  await page.goto(`${demo.base}/sync.html?as=nadia&endpoint=${encodeURIComponent(server.endpoint)}`);
  const element = await book(page);
  const pulledAt = await allPulled;
  await element.getByRole("searchbox").fill("n° 00001 ");
  await element.locator(".entry").filter({ hasText: "Passage n° 00001 " }).waitFor({ timeout: 120_000 });
  const foundAt = performance.now();

  // One idle cycle: nothing to push, nothing new to pull. The engine runs one on `online`
  // (and every poll interval, 60 s).
  await page.waitForTimeout(2_000);
  const idle = [];
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes();
    idle.push(sizes.requestHeadersSize + sizes.requestBodySize + sizes.responseHeadersSize + sizes.responseBodySize);
  });
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await page.waitForTimeout(3_000);

  console.log(`sync: server push over HTTP, SQLite in memory: ${Math.round(rate)} mutations/s`);
  console.log(`sync: pull of ${pulled} entries in ${pages} pages, page opened → last page received: ${Math.round(pulledAt - opened)} ms`);
  console.log(`sync: page opened → oldest entry found by search: ${Math.round(foundAt - opened)} ms`);
  console.log(`sync: one idle cycle: ${idle.length} request(s), ${idle.reduce((a, b) => a + b, 0)} bytes (headers and bodies)`);
  await page.close();
} finally {
  server.child.kill();
  await demo.close();
}

// Measures the liaison book on 10,000 entries for one person, in this browser: first paint
// with data, search updates, and reading the same records with plain IndexedDB as a baseline.
// The database is throwaway (a fresh tenant per run). Numbers are printed, not judged.
import { when } from "./bench-kit.js";
const COUNT = 10_000;
const SUBJECT = "usager-bench";
const USER = "bench.user";
const tenant = `bench-${Date.now()}`;
const stage = document.getElementById("stage");
const results = document.getElementById("results");
const PHRASES = [
  "Fièvre à 38,5 ce matin, médecin prévenu",
  "Repas pris en entier, bonne humeur",
  "Toilette faite, peau en bon état",
  "Courses faites, reste à racheter du lait",
  "Repas non pris, fatigue",
];

const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const request = (req) => new Promise((ok, fail) => { req.onsuccess = () => ok(req.result); req.onerror = () => fail(req.error); });

function element() {
  const book = document.createElement("relais-liaison-book");
  for (const [name, value] of Object.entries({ subject: SUBJECT, tenant, "user-id": USER, "user-name": "Banc d'essai", "user-role": "aide-a-domicile" })) {
    book.setAttribute(name, value);
  }
  return book;
}

/** Saves one entry through the widget, so the records written next have exactly its shape. */
async function template() {
  const book = stage.appendChild(element());
  await when(book.shadowRoot, (root) => root.querySelector("textarea"));
  const area = book.shadowRoot.querySelector("textarea");
  area.value = PHRASES[0];
  area.dispatchEvent(new Event("input"));
  book.shadowRoot.querySelector("button[type=submit]").click();
  await when(book.shadowRoot, (root) => root.querySelector(".entry"));
  book.remove();
  const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n.includes(tenant));
  const db = await request(indexedDB.open(name));
  const [record] = await request(db.transaction("transmissions").objectStore("transmissions").getAll());
  return { db, record };
}

async function fill(db, record) {
  const tx = db.transaction("transmissions", "readwrite");
  const store = tx.objectStore("transmissions");
  const start = record.created_at - COUNT * 60_000;
  for (let i = 1; i < COUNT; i++) {
    store.put({ ...record, id: crypto.randomUUID(), created_at: start + i * 60_000, text: `${PHRASES[i % PHRASES.length]} (n° ${i})` });
  }
  await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
}

async function rawRead(db) {
  const times = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const rows = await request(db.transaction("transmissions").objectStore("transmissions").index("by_subject").getAll(SUBJECT));
    times.push(performance.now() - t0);
    if (rows.length !== COUNT) throw new Error(`read ${rows.length} records`);
  }
  return median(times);
}

/** The book paints its newest page first, then reads the older entries behind it: both are
 * timed, and the searches only start once every entry is in, so they run on all 10,000. */
async function firstPaint() {
  const t0 = performance.now();
  const book = stage.appendChild(element());
  await when(book.shadowRoot, (root) => root.querySelector(".entry"));
  await frame();
  const ms = performance.now() - t0;
  await when(book.shadowRoot, (root) =>
    !root.querySelector(".older") && root.querySelector(".entry")?.getAttribute("aria-setsize") === String(COUNT));
  await frame();
  return { book, ms, allMs: performance.now() - t0 };
}

async function searches(book) {
  const input = book.shadowRoot.querySelector("input[type=search]");
  const count = book.shadowRoot.querySelector(".count");
  const times = [];
  for (const query of ["fievre", "", "repas", "", "toilette", "", "fievre 38", "", "lait", ""]) {
    const before = count.textContent;
    const t0 = performance.now();
    input.value = query;
    input.dispatchEvent(new Event("input"));
    const t1 = await when(count, (node) => node.textContent !== before);
    times.push(t1 - t0);
    await frame();
  }
  return { median: median(times), max: Math.max(...times) };
}

async function run() {
  await customElements.whenDefined("relais-liaison-book");
  const { db, record } = await template();
  await fill(db, record);
  const raw = await rawRead(db);
  db.close();
  const paint = await firstPaint();
  const search = await searches(paint.book);
  const rendered = paint.book.shadowRoot.querySelectorAll(".entry").length;
  const numbers = {
    entries: COUNT,
    firstPaintMs: Math.round(paint.ms),
    allEntriesMs: Math.round(paint.allMs),
    searchMedianMs: +search.median.toFixed(1),
    searchMaxMs: +search.max.toFixed(1),
    rawIndexedDbReadMs: Math.round(raw),
    renderedRows: rendered,
  };
  results.textContent = [
    `entries: ${numbers.entries}`,
    `first paint with data: ${numbers.firstPaintMs} ms`,
    `every entry loaded (list, search and counts cover all): ${numbers.allEntriesMs} ms`,
    `search update (10 queries): median ${numbers.searchMedianMs} ms, max ${numbers.searchMaxMs} ms`,
    `raw IndexedDB read of the same records: ${numbers.rawIndexedDbReadMs} ms`,
    `rows rendered: ${numbers.renderedRows}`,
  ].join("\n");
  window.benchResults = numbers;
}

run().catch((error) => {
  results.textContent = `Échec : ${error.message}`;
  window.benchResults = { error: error.message };
});

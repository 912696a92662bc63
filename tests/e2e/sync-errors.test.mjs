// The sync engine against the real reference server when things go wrong: a token that expires
// mid-session (401), a batch too large for the server (413), and a server restored from an
// older backup that has lost writes the client had seen confirmed (reset, 409 seq_gap).
import { test, before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, book, STRICT_CSP, save } from "./harness.mjs";
import { startRelaisServer } from "./relais-server.mjs";

const SECRET = randomBytes(48).toString("base64");
const ALINE = { sub: "aline.martin", tenant: "demo", role: "aide-a-domicile" };
// The server accepts a token up to 30 s after its `exp` (clock leeway).
const LEEWAY_SECONDS = 30;

// Refused requests are logged by the browser: they are the point here.
const EXPECTED = /status of 401|status of 409|status of 413|Failed to fetch|net::ERR_/;

let demo, dir, server, endpoint;
const headers = { "content-security-policy": STRICT_CSP };

/** An HS256 JWT for Aline expiring at `exp` (seconds), as docs/tokens.md issues one. */
function jwt(exp) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = part({ alg: "HS256", typ: "JWT" });
  const claims = part({ ...ALINE, exp });
  const signature = createHmac("sha256", SECRET).update(`${header}.${claims}`).digest("base64url");
  return `${header}.${claims}.${signature}`;
}
const now = () => Math.floor(Date.now() / 1000);

/** Starts relais-server over `database` on `listen`; resolves with its URL once it listens. */
async function startServer(database, listen = "127.0.0.1:0", flags = []) {
  const args = ["--demo", "--database", database, "--listen", listen, "--allow-origin", demo.base, ...flags];
  const started = await startRelaisServer([...args, "--jwt-secret-file", join(dir, "secret")]);
  server = started.child;
  return started.endpoint;
}

async function stopServer() {
  const exited = new Promise((ok) => server.once("exit", ok));
  server.kill();
  await exited;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "relais-sync-errors-"));
  await writeFile(join(dir, "secret"), SECRET);
  demo = await start({ headers });
  endpoint = await startServer(`sqlite:${join(dir, "relais.db")}`);
  headers["content-security-policy"] = `${STRICT_CSP}; connect-src 'self' ${new URL(endpoint).origin}`;
});
after(async () => {
  server?.kill();
  await demo?.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  const unexpected = demo.problems.splice(0).filter((p) => !EXPECTED.test(p));
  assert.deepEqual(unexpected, [], "no unexpected console error, page error or dialog");
});

/** Aline's liaison book, after the page configured its demo token. */
async function aline() {
  const tab = await demo.open(`/sync.html?as=aline&endpoint=${encodeURIComponent(endpoint)}`);
  const element = await book(tab);
  await status(element).getByText("Tout est envoyé").waitFor();
  return { tab, element };
}

/** Writes `text` and waits until the book shows it (found by its first words). */
/** Saves `text` and waits until its entry is listed. */
async function saveListed(element, text) {
  await save(element, text);
  await entry(element, text.slice(0, 12)).first().waitFor();
}

const entry = (element, text) => element.locator(".entry").filter({ hasText: text });
const status = (element) => element.getByRole("status", { name: "État de la synchronisation" });

/** Every transmission text the server holds about the demo person, as Nadia (nurse) pulls them. */
async function serverTexts() {
  const texts = [];
  let cursor = "";
  for (;;) {
    const query = `client_group=0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e&limit=1000${cursor}`;
    const response = await fetch(`${endpoint}/pull?${query}`, { headers: { authorization: "Bearer demo-nadia" } });
    assert.equal(response.status, 200);
    const page = await response.json();
    texts.push(...page.changes.filter((c) => c.target.type === "transmission").map((c) => c.resource.text));
    if (!page.has_more) return texts;
    cursor = `&cursor=${page.cursor}`;
  }
}

/** Waits until the server holds a transmission reading `text`. */
async function serverHas(text) {
  for (let i = 0; i < 600 && !(await serverTexts()).includes(text); i++) await new Promise((ok) => setTimeout(ok, 100));
  assert.ok((await serverTexts()).includes(text), `${text}: on the server`);
}

test("a token expiring mid-session: getToken is asked once more, and the write is sent once", async () => {
  const { tab, element } = await aline();
  // Valid for a few seconds more (the server's leeway), then expired; the next one lasts.
  const tokens = { expiring: jwt(now() - LEEWAY_SECONDS + 4), lasting: jwt(now() + 900) };
  await tab.evaluate((tokens) => {
    window.tokenCalls = 0;
    globalThis.Relais.configure({ getToken: () => (++window.tokenCalls === 1 ? tokens.expiring : tokens.lasting) });
  }, tokens);
  // The engine asks for a token when it next sends: this write gets the expiring one.
  await saveListed(element, "Écrit avec le premier jeton");
  await entry(element, "Écrit avec le premier jeton").locator(".badge.unsent").waitFor({ state: "detached" });
  assert.equal(await tab.evaluate(() => window.tokenCalls), 1);
  await new Promise((ok) => setTimeout(ok, 6_000));

  await saveListed(element, "Écrit après l'expiration du jeton");
  await status(element).getByText("Tout est envoyé").waitFor();
  await entry(element, "Écrit après l'expiration").locator(".badge.unsent").waitFor({ state: "detached" });
  assert.ok(demo.problems.some((p) => /status of 401/.test(p)), "the server did refuse the expired token");
  assert.equal(await tab.evaluate(() => window.tokenCalls), 2, "asked once after the 401");
  const texts = await serverTexts();
  for (const text of ["Écrit avec le premier jeton", "Écrit après l'expiration du jeton"]) {
    assert.equal(texts.filter((t) => t === text).length, 1, `${text}: on the server exactly once`);
  }
  await tab.close();
});

test("a batch over the server's byte limit is refused with 413, halved, and every write arrives once", async () => {
  const { tab, element } = await aline();
  await demo.context.setOffline(true);
  await status(element).getByText("Hors ligne").waitFor();
  // 20 entries of about 57 KB each ("€" is 3 bytes): one batch of all is over 1 MiB.
  const text = (n) => `Relevé ${n} : ${"€".repeat(19_000)}`;
  for (let n = 1; n <= 20; n++) await saveListed(element, text(n));
  await status(element).getByText(/20 écritures en attente d.envoi/).waitFor();

  await demo.context.setOffline(false);
  await status(element).getByText("Tout est envoyé").waitFor({ timeout: 60_000 });
  assert.ok(demo.problems.some((p) => /status of 413/.test(p)), "the server did refuse the whole batch");
  const texts = await serverTexts();
  for (let n = 1; n <= 20; n++) {
    assert.equal(texts.filter((t) => t === text(n)).length, 1, `entry ${n}: on the server exactly once`);
  }
  await tab.close();
});

/** Stops the server, runs `change` on its files, and starts it again at the same address. */
async function restartWith(change, flags = []) {
  await stopServer();
  await change();
  const url = await startServer(`sqlite:${join(dir, "relais.db")}`, new URL(endpoint).host, flags);
  assert.equal(url, endpoint);
}

const files = ["relais.db", "relais.db-wal", "relais.db-shm"];
// The destination's files go first: a stale -wal left by an earlier copy would corrupt this one.
const copyFiles = async (from, to) => {
  await Promise.all(files.map((f) => rm(join(dir, `${to}${f}`), { force: true })));
  await Promise.all(files.map((f) => copyFile(join(dir, `${from}${f}`), join(dir, `${to}${f}`)).catch(() => {})));
};

// Restored as README says (--new-epoch: every cursor is refused, the engine resets), or in place
// under the same epoch, as an operator may do by mistake: then the engine only learns of it from
// a 409 seq_gap or a pull reporting less than it confirmed, and must still re-send the write the
// backup lacks and read what another user wrote since the restore at positions its cursor had
// already passed.
const restores = [
  { how: "with --new-epoch: the engine resets", label: "nouvelle époque", flags: ["--new-epoch"] },
  { how: "in place, same epoch: the engine notices (409 seq_gap, or a pull below what was confirmed) and starts over", label: "sur place", flags: [] },
];
for (const { how, label, flags } of restores) {
  test(`a server restored from an older backup ${how}; nothing is lost or skipped`, async () => {
    const written = (text) => `${text} (${label})`;
    const { tab, element } = await aline();
    await saveListed(element, written("Avant la sauvegarde"));
    await status(element).getByText("Tout est envoyé").waitFor();
    await restartWith(() => copyFiles("", "backup-"));
    await saveListed(element, written("Après la sauvegarde"));
    await status(element).getByText("Tout est envoyé").waitFor();
    await restartWith(() => copyFiles("backup-", ""), flags);

    const karim = await demo.open(`/sync.html?as=karim&endpoint=${encodeURIComponent(endpoint)}`);
    const karimBook = await book(karim);
    await saveListed(karimBook, written("Karim, après la restauration"));
    // On the server before his tab closes: the status line may still read « Tout est envoyé »
    // from before the write was queued.
    await serverHas(written("Karim, après la restauration"));
    await karim.close();

    await saveListed(element, written("Après la restauration"));
    await status(element).getByText("Tout est envoyé").waitFor({ timeout: 60_000 });
    await entry(element, written("Karim, après la restauration")).waitFor({ timeout: 60_000 });
    const texts = await serverTexts();
    for (const text of ["Avant la sauvegarde", "Après la sauvegarde", "Après la restauration"].map(written)) {
      assert.equal(texts.filter((t) => t === text).length, 1, `${text}: on the server exactly once`);
    }
    await tab.close();
  });
}

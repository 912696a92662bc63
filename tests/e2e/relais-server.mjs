// The reference server for end-to-end tests: target/debug/relais-server (built if missing),
// started on loopback with the given flags. Every test file that syncs starts it this way.
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";

const root = resolve(import.meta.dirname, "../..");
const binary = resolve(root, "target/debug/relais-server");

/** Starts relais-server with `args`; resolves with `{ child, url, endpoint }` once it listens:
 * `url` is its origin, `endpoint` what a host page gives the widgets (`{url}/api/relais`). */
export function startRelaisServer(args) {
  if (!existsSync(binary)) execFileSync("cargo", ["build", "-q", "-p", "relais-server"], { cwd: root, stdio: "inherit" });
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  return new Promise((ok, fail) => {
    child.once("exit", (code) => fail(new Error(`relais-server exited (${code})`)));
    lines.on("line", (line) => {
      const url = line.match(/listening on (http:\/\/\S+)/)?.[1];
      if (url) ok({ child, url, endpoint: `${url}/api/relais` });
    });
  });
}

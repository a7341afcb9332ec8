// Starts `moodfood metrics serve --port 0 --json` as its own process and stops it with SIGTERM.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { get } from "node:http";
import { createInterface } from "node:readline";

const bin = new URL("../../bin/moodfood.cjs", import.meta.url).pathname;

/** Resolves with { url, stop() } once the server prints where it listens; stop() resolves with its exit code. */
export async function startServe(dataDir, env = {}) {
  const child = spawn(process.execPath, [bin, "--data-dir", dataDir, "metrics", "serve", "--port", "0", "--json"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  const lines = createInterface({ input: child.stdout });
  const [first] = await Promise.race([
    once(lines, "line"),
    once(child, "exit").then(([code]) => Promise.reject(new Error(`metrics serve exited ${code}`))),
  ]);
  const { url } = JSON.parse(first);
  return {
    url,
    pid: child.pid,
    async stop() {
      child.kill("SIGTERM");
      const [code] = child.exitCode === null ? await once(child, "exit") : [child.exitCode];
      return code;
    },
  };
}

/** GET on a fresh connection (a pooled one may have been closed by the server's keep-alive timeout). */
export function getText(url) {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(body));
    }).on("error", reject);
  });
}

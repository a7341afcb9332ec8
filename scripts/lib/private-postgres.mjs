// A private PostgreSQL cluster on loopback, for the tests' global setup and the benchmarks: initdb into
// a temporary directory, password (SCRAM) auth, a free port, pg_ctl start; stop() removes it all.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const USER = "moodfood";

/** initdb on PATH, else the newest /usr/lib/postgresql/<version>/bin/initdb (Debian keeps it off PATH), else undefined. */
export function findInitdb() {
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => `${root}/${v}/bin/initdb`).find((path) => existsSync(path));
}

/**
 * Starts a cluster with `initdb` (its bin dir holds pg_ctl and postgres) and the given server settings.
 * Resolves with { url, data, bin, asRoot, version, stop }; throws with initdb's or pg_ctl's own words.
 */
export async function startPrivateCluster({ initdb, password, settings = {}, prefix = "moodfood-pg-" }) {
  const bin = dirname(initdb);
  const root = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(root, 0o777); // the postgres user owns the cluster when we run as root
  const data = join(root, "data");
  const asRoot = process.getuid?.() === 0;
  const pwfile = join(root, "pw");
  writeFileSync(pwfile, password, { mode: 0o644 });
  const fail = (what, result) => {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`${what} failed (exit ${result.status}): ${result.stderr || result.error?.message || ""}`.trim());
  };
  const init = asServer(asRoot, join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    USER,
    "--pwfile",
    pwfile,
    "--auth=scram-sha-256",
    "-E",
    "UTF8",
    "--no-sync",
  ]);
  if (init.status !== 0) fail("initdb", init);
  const port = await freePort();
  const extra = Object.entries(settings).map(([key, value]) => `-c ${key}=${value}`);
  const options = [`-p ${port}`, `-k ${root}`, "-c listen_addresses=127.0.0.1", ...extra].join(" ");
  const start = asServer(asRoot, join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", join(root, "log"), "-w", "-t", "60", "start"]);
  if (start.status !== 0) fail("pg_ctl start", start);
  const version = spawnSync(join(bin, "postgres"), ["--version"], { encoding: "utf8" }).stdout.trim();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    asServer(asRoot, join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
    rmSync(root, { recursive: true, force: true });
  };
  return { url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, data, bin, asRoot, version, stop };
}

/** PostgreSQL refuses to run as root: its tools run as the postgres user there. */
function asServer(asRoot, command, args) {
  return asRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

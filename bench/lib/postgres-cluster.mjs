// A private PostgreSQL cluster on loopback for the benchmarks (the steps of test/support/postgres-global-setup.ts),
// or the server MOODFOOD_BENCH_DATABASE_URL names. fsync, synchronous_commit and full_page_writes keep their
// defaults (on): the numbers are those of a durable server, not of a test fixture.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const USER = "moodfood";
const PASSWORD = "bench-secret-never-printed";

/** What a bench prints in place of a PostgreSQL row when there is no server to run it on. */
export const SKIPPED = "skipped: no PostgreSQL server";

/** initdb on PATH, else the newest /usr/lib/postgresql/<version>/bin/initdb (Debian keeps it off PATH), else undefined. */
export function findInitdb() {
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => `${root}/${v}/bin/initdb`).find((path) => existsSync(path));
}

/**
 * Resolves with { url, stop(), description }: MOODFOOD_BENCH_DATABASE_URL when set (stop() does nothing),
 * else a fresh cluster on 127.0.0.1 with password (SCRAM) auth, stopped and deleted by stop().
 * Resolves with undefined when no PostgreSQL server is installed (or MOODFOOD_BENCH_POSTGRES=off); throws when
 * one is installed but will not start.
 */
export async function startPostgres({ settings = {} } = {}) {
  if (process.env.MOODFOOD_BENCH_POSTGRES === "off") return undefined;
  const given = process.env.MOODFOOD_BENCH_DATABASE_URL;
  if (given) return { url: given, stop: () => {}, description: "MOODFOOD_BENCH_DATABASE_URL" };
  const initdb = findInitdb();
  if (!initdb) return undefined;
  const bin = dirname(initdb);
  const root = mkdtempSync(join(tmpdir(), "mf-bench-pg-"));
  chmodSync(root, 0o777); // the postgres user owns the cluster when the bench runs as root
  const data = join(root, "data");
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: run its tools as the postgres user there.
  const asServer = (command, args) =>
    asRoot
      ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
      : spawnSync(command, args, { encoding: "utf8" });
  const pwfile = join(root, "pw");
  writeFileSync(pwfile, PASSWORD, { mode: 0o644 });
  chmodSync(pwfile, 0o644);
  const fail = (what, result) => {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`${what} failed (exit ${result.status}): ${result.stderr || result.error?.message || ""}`.trim());
  };
  const init = asServer(join(bin, "initdb"), [
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
  const start = asServer(join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", join(root, "log"), "-w", "-t", "60", "start"]);
  if (start.status !== 0) fail("pg_ctl start", start);
  const version = spawnSync(join(bin, "postgres"), ["--version"], { encoding: "utf8" }).stdout.trim();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    asServer(join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
    rmSync(root, { recursive: true, force: true });
  };
  // A bench that throws (or is interrupted) must not leave a server running: stop it on the way out too.
  process.once("exit", stop);
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, description: `private cluster, ${version}, fsync on`, stop };
}

/** The URL with our own `schema` parameter set (the store creates the schema if missing). */
export function withSchema(url, schema) {
  const u = new URL(url);
  u.searchParams.set("schema", schema);
  return u.toString();
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

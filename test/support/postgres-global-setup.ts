import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TestProject } from "vitest/node";
import { findService } from "./services.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL URL tests may create schemas on, or "" when no server could be started. */
    databaseUrl: string;
    /** The cluster's data dir and bin dir when this setup started it (the restart scenario needs them), else "". */
    postgresCluster: { data: string; bin: string; asRoot: boolean };
  }
}

const USER = "moodfood";
const PASSWORD = "test-secret-never-printed";

/**
 * Starts a private PostgreSQL cluster on loopback for the postgres and fleet test projects (or uses
 * MOODFOOD_TEST_DATABASE_URL), and stops it after the run. Without a server the tests skip and say why.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.MOODFOOD_TEST_DATABASE_URL;
  if (given) {
    project.provide("databaseUrl", given);
    project.provide("postgresCluster", { data: "", bin: "", asRoot: false });
    return () => {};
  }
  const initdb = findService("postgresql", "the PostgreSQL backend tests");
  if (!initdb) {
    project.provide("databaseUrl", "");
    project.provide("postgresCluster", { data: "", bin: "", asRoot: false });
    return () => {};
  }
  const bin = dirname(initdb);
  const root = mkdtempSync(join(tmpdir(), "moodfood-pg-"));
  chmodSync(root, 0o777); // the postgres user owns the cluster when tests run as root
  const data = join(root, "data");
  const port = await freePort();
  // PostgreSQL refuses to run as root: run its tools as the postgres user there.
  const asServer = (command: string, args: string[]) =>
    process.getuid?.() === 0
      ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
      : spawnSync(command, args, { encoding: "utf8" });
  const pwfile = join(root, "pw");
  spawnSync("sh", ["-c", `printf '%s' '${PASSWORD}' > ${pwfile} && chmod 644 ${pwfile}`]);
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
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = asServer(join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", join(root, "log"), "-w", "start"]);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}`);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  project.provide("postgresCluster", { data, bin, asRoot: process.getuid?.() === 0 });
  project.provide("databaseUrl", url);
  return () => {
    asServer(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
    rmSync(root, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

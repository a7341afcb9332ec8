import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { packagePath } from "../../src/config/package-path.js";
import { BIN, type CliResult, cleanEnv, moodfood, moodfoodAsync } from "../e2e/cli.js";
import { parseSamples, type Sample } from "../metrics/exposition-parse.js";

/** Why a fleet file cannot run here, or "" when it can (its describe.skipIf prints the reason). */
export function fleetSkipReason(databaseUrl: string): string {
  if (!databaseUrl) return "no PostgreSQL server (the global setup says why)";
  if (!existsSync(packagePath("dist", "moodfood.cjs"))) return "dist/moodfood.cjs is missing (run npm run build)";
  return "";
}

/** A server instance: `moodfood metrics serve` on its own data dir, sharing the fleet's store. */
export interface Instance {
  dir: string;
  id: string;
  base: string;
  child: ChildProcess;
  post(path: string, body: unknown): Promise<Response>;
  get(path: string): Promise<Response>;
  metrics(): Promise<Sample[]>;
}

/** Several moodfood processes on one fresh schema: each test's own store, torn down with `close`. */
export interface Fleet {
  /** The schema's URL (with the password): what MOODFOOD_DATABASE_URL holds for every process. */
  url: string;
  schema: string;
  env: NodeJS.ProcessEnv;
  dataDir(): string;
  cli(dir: string, args: string[]): CliResult;
  cliAsync(dir: string, args: string[]): Promise<CliResult>;
  serve(dir: string): Promise<Instance>;
  /** A direct connection to the schema, for counting what is stored. */
  sql<R>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export function startFleet(databaseUrl: string): Fleet {
  const schema = `f_${randomBytes(6).toString("hex")}`;
  const url = new URL(databaseUrl);
  url.searchParams.set("schema", schema);
  const env = { MOODFOOD_DATABASE_URL: url.toString() };
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  let client: pg.Client | undefined;

  const connect = async () => {
    if (client) return client;
    client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
    client.on("error", () => {}); // the restart test drops it on purpose; the next sql() reconnects
    await client.connect();
    return client;
  };

  return {
    url: url.toString(),
    schema,
    env: { ...cleanEnv(), NO_COLOR: "1", ...env },
    dataDir() {
      const dir = mkdtempSync(join(tmpdir(), "mf-fleet-"));
      dirs.push(dir);
      return dir;
    },
    cli: (dir, args) => moodfood(["--data-dir", dir, ...args], { env }),
    cliAsync: (dir, args) => moodfoodAsync(["--data-dir", dir, ...args], env),
    async serve(dir) {
      const child = spawn(process.execPath, [BIN, "--data-dir", dir, "metrics", "serve", "--port", "0", "--json"], {
        env: { ...cleanEnv(), NO_COLOR: "1", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      let stderr = "";
      child.stderr?.on("data", (d) => (stderr += d));
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      const first = await Promise.race([once(lines, "line"), once(child, "exit").then(() => [null])]);
      if (first[0] === null) throw new Error(`metrics serve exited before listening: ${stderr}`);
      const base = (JSON.parse(first[0] as string) as { url: string }).url;
      const instance: Instance = {
        dir,
        id: readFileSync(join(dir, "instance-id"), "utf8").trim(),
        base,
        child,
        post: (path, body) =>
          fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
        get: (path) => fetch(`${base}${path}`),
        async metrics() {
          const response = await fetch(`${base}/metrics`);
          if (response.status !== 200) throw new Error(`/metrics answered ${response.status}: ${await response.text()}`);
          return parseSamples(await response.text());
        },
      };
      return instance;
    },
    async sql<R>(text: string, params?: unknown[]) {
      try {
        return (await (await connect()).query(text, params)).rows as R[];
      } catch (error) {
        client = undefined; // a connection lost to a restart: the next call makes a new one
        throw error;
      }
    },
    async close() {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? once(child, "exit") : null)));
      await client?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
      await client?.end().catch(() => {});
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `task(0..count-1)` with at most `concurrency` in flight; resolves with every result in order. */
export async function inParallel<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs` naming `what`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stored traces per status, straight from the shared schema. */
export async function traceCounts(fleet: Fleet): Promise<Record<string, number>> {
  const rows = await fleet.sql<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM traces GROUP BY status");
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** POST /query with a distinct text; the trace id when acknowledged (200), else the status. */
export async function ask(instance: Instance, text: string): Promise<{ status: number; traceId?: string }> {
  const response = await instance.post("/query", { query: text, top: 2 });
  if (response.status !== 200) {
    await response.arrayBuffer();
    return { status: response.status };
  }
  return { status: 200, traceId: ((await response.json()) as { trace_id: string }).trace_id };
}

/** Moods in rotation, so a batch of queries reads like traffic rather than one repeated line. */
const MOODS = ["sad and cold", "happy, want to celebrate", "stressed after work", "tired and hungry", "anxious, need comfort"];
export const mood = (i: number) => `${MOODS[i % MOODS.length]} ${i}`;

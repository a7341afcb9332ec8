import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { sumOf } from "../metrics/exposition-parse.js";
import { ask, eventually, type Fleet, fleetSkipReason, type Instance, inParallel, mood, startFleet } from "./fleet.js";

// Issue #17: PostgreSQL restarts under a running moodfood. While it is away each request gets a quick
// 503 with Retry-After (code store_unavailable) and each CLI command one line and exit 1; once it is
// back, the same process serves again, and every query acknowledged with a 200 is in the store.
const databaseUrl = inject("databaseUrl");
const cluster = inject("postgresCluster");
const skip =
  fleetSkipReason(databaseUrl) ||
  (cluster.data ? "" : "the PostgreSQL server is not this run's own (MOODFOOD_TEST_DATABASE_URL), so it cannot be restarted");
if (skip) console.warn(`SKIPPED: the PostgreSQL restart fleet test did not run: ${skip}.`);

/** The server log the global setup started it with. */
const LOG = join(dirname(cluster.data), "log");
/** What a user may wait for an answer while the database is down: the Retry-After it asks for. */
const QUICK_MS = 5_000;

/** pg_ctl on the test cluster, as the postgres user when the tests run as root; never blocks the event loop. */
function pgCtl(args: string[]): Promise<{ status: number | null; output: string }> {
  const command = join(cluster.bin, "pg_ctl");
  const [file, argv] = cluster.asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const child = spawn(file, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    // "exit", not "close": a postmaster started without -l would hold the pipes open for its whole life.
    child.on("exit", (status) => resolve({ status, output }));
  });
}

/** Starts the stopped cluster with the options it last ran with (postmaster.opts), as `pg_ctl restart` does. */
function startCluster() {
  const opts = readFileSync(join(cluster.data, "postmaster.opts"), "utf8").trim();
  return pgCtl(["-D", cluster.data, "-o", opts.slice(opts.indexOf(' "') + 1), "-l", LOG, "-w", "start"]);
}

interface Outcome {
  what: string;
  status: number;
  ms: number;
  retryAfter: string | null;
  code?: string;
  body: string;
}

/** One request, timed, with what a client would look at. */
async function timed(what: string, request: () => Promise<Response>): Promise<Outcome> {
  const t0 = Date.now();
  const response = await request();
  const body = await response.text();
  const code = response.status === 200 ? undefined : (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  return { what, status: response.status, ms: Date.now() - t0, retryAfter: response.headers.get("retry-after"), code, body };
}

/** Queries sent back to back by a few clients until stopped: the acknowledged trace ids and every refusal. */
function steadyLoad(server: Instance, clients: number) {
  const acknowledged: string[] = [];
  const refused: Outcome[] = [];
  let running = true;
  let sent = 0;
  const done = inParallel(clients, clients, async () => {
    while (running) {
      const i = sent++;
      const t0 = Date.now();
      const answer = await ask(server, mood(i));
      if (answer.traceId) acknowledged.push(answer.traceId);
      else refused.push({ what: `POST /query #${i}`, status: answer.status, ms: Date.now() - t0, retryAfter: null, body: "" });
    }
  });
  return {
    acknowledged,
    refused,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

describe.skipIf(skip !== "")("a PostgreSQL restart under a running instance (built CLI)", () => {
  let fleet: Fleet;
  let down = false;
  afterAll(async () => {
    if (down) await startCluster(); // the other fleet files need the server back
    await fleet?.close();
  });

  it("answers 503 quickly while it is down, serves again once it is back, and loses no acknowledged query", async () => {
    fleet = startFleet(databaseUrl);
    const password = decodeURIComponent(new URL(databaseUrl).password);
    const server = await fleet.serve(fleet.dataDir());
    const load = steadyLoad(server, 4);
    await eventually("queries before the restart", async () => (load.acknowledged.length >= 20 ? true : undefined));

    // A restart under load: requests wait for it or are refused with 503, never a 500.
    const restarted = await pgCtl(["-D", cluster.data, "-m", "fast", "-w", "-l", LOG, "restart"]);
    expect(restarted.status, restarted.output).toBe(0);
    const beforeOutage = load.acknowledged.length;
    await eventually("a query answered after the restart", async () => (load.acknowledged.length > beforeOutage ? true : undefined));

    // An outage long enough to look at: every route that touches the store refuses quickly.
    const stopped = await pgCtl(["-D", cluster.data, "-m", "fast", "-w", "stop"]);
    expect(stopped.status, stopped.output).toBe(0);
    down = true;
    const known = load.acknowledged[0] as string;
    const during = await Promise.all([
      timed("POST /query", () => server.post("/query", { query: "sad and cold" })),
      timed("GET /trace/:id", () => server.get(`/trace/${known}`)),
      timed("POST /feedback/explicit", () => server.post("/feedback/explicit", { trace_id: known, rating: 4 })),
      timed("GET /metrics", () => server.get("/metrics")),
      timed("GET /readyz", () => server.get("/readyz")),
    ]);
    const cli = await Promise.all([
      fleet.cliAsync(server.dir, ["query", "sad and cold"]),
      fleet.cliAsync(server.dir, ["trace", "list"]),
      fleet.cliAsync(server.dir, ["metrics", "show"]),
      fleet.cliAsync(server.dir, ["feedback", "explicit", known, "--rating", "4"]),
    ]);
    expect((await server.get("/livez")).status).toBe(200); // the process itself is fine
    const started = await startCluster();
    expect(started.status, started.output).toBe(0);
    down = false;

    for (const outcome of during) {
      expect({ what: outcome.what, status: outcome.status, retryAfter: outcome.retryAfter, code: outcome.code }).toEqual({
        what: outcome.what,
        status: 503,
        retryAfter: "5",
        code: "store_unavailable",
      });
      expect(outcome.body).not.toContain(password);
    }
    for (const result of cli) {
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^moodfood: PostgreSQL at postgres:\/\/\S+ is unavailable \(.+\)[^\n]*\n$/);
      expect(result.stderr).not.toContain(password);
      expect(result.stdout).toBe("");
    }

    // Back without restarting moodfood: the same process answers, reads and counts again.
    const duringOutage = load.acknowledged.length;
    await eventually("a query answered after the outage", async () => (load.acknowledged.length > duringOutage + 10 ? true : undefined));
    await load.stop();
    expect(server.child.exitCode).toBeNull();
    expect((await server.get(`/trace/${known}`)).status).toBe(200);
    expect(load.refused.filter((r) => r.status !== 503)).toEqual([]);

    const stored = await fleet.sql<{ trace_id: string; status: string }>("SELECT trace_id, status FROM traces");
    const finished = new Set(stored.filter((t) => t.status === "ok").map((t) => t.trace_id));
    expect(load.acknowledged.filter((id) => !finished.has(id))).toEqual([]);
    expect(sumOf(await server.metrics(), "moodfood_queries_total")).toBe(finished.size);

    // Last, so the checks above still run where it fails: quick answers during the outage.
    const slow = [...during, ...load.refused].filter((o) => o.ms >= QUICK_MS).map((o) => `${o.what}: ${o.status} after ${o.ms} ms`);
    expect(slow).toEqual([]);
  });
});

import { afterAll, describe, expect, inject, it } from "vitest";
import { sumOf } from "../metrics/exposition-parse.js";
import { ask, type Fleet, fleetSkipReason, inParallel, mood, startFleet } from "./fleet.js";

// Issue #17: writers on two hosts at once (servers under load, CLI processes beside them) lose nothing
// and count nothing twice: the store holds every acknowledged query, and the fleet's /metrics agree.
const databaseUrl = inject("databaseUrl");
const skip = fleetSkipReason(databaseUrl);
if (skip) console.warn(`SKIPPED: the parallel-writers fleet test did not run: ${skip}.`);

const K = 100; // POST /query per server
const CONCURRENCY = 20; // in flight per server
const CLI_QUERIES = 4; // `moodfood query` processes per data dir, started with the load

describe.skipIf(skip !== "")("parallel writers on one PostgreSQL schema (built CLI)", () => {
  let fleet: Fleet;
  afterAll(() => fleet?.close());

  it("stores every acknowledged query once, and the /metrics sum equals the stored count", async () => {
    fleet = startFleet(databaseUrl);
    const dirs = [fleet.dataDir(), fleet.dataDir()];
    const servers = await Promise.all(dirs.map((dir) => fleet.serve(dir)));

    const http = servers.map((server, s) => inParallel(K, CONCURRENCY, (i) => ask(server, mood(s * 1000 + i))));
    const cli = dirs.map((dir, s) =>
      Promise.all(Array.from({ length: CLI_QUERIES }, (_, i) => fleet.cliAsync(dir, ["query", "--json", mood(s * 1000 + 500 + i)]))),
    );
    const [served, ran] = [await Promise.all(http), await Promise.all(cli)];

    for (const results of served) expect(results.map((r) => r.status)).toEqual(new Array(K).fill(200));
    for (const results of ran) {
      for (const result of results) expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: "" });
    }
    const acknowledged = [
      ...served.flat().map((r) => r.traceId as string),
      ...ran.flat().map((r) => (JSON.parse(r.stdout) as { trace_id: string }).trace_id),
    ];
    const total = 2 * (K + CLI_QUERIES);
    expect(new Set(acknowledged).size).toBe(total);

    // Every acknowledged query is stored, finished, once; nothing else is.
    const stored = await fleet.sql<{ trace_id: string; status: string }>("SELECT trace_id, status FROM traces");
    expect(stored.map((t) => t.trace_id).sort()).toEqual([...acknowledged].sort());
    expect(new Set(stored.map((t) => t.status))).toEqual(new Set(["ok"]));
    const listed = JSON.parse(fleet.cli(fleet.dataDir(), ["trace", "list", "--json", "--limit", String(total + 10)]).stdout) as {
      traces: unknown[];
    };
    expect(listed.traces).toHaveLength(total);

    // Each instance counts what it served, over HTTP and through the CLI on its data dir.
    const exported = await Promise.all(servers.map((server) => server.metrics()));
    for (const samples of exported) {
      expect(sumOf(samples, "moodfood_queries_total")).toBe(K + CLI_QUERIES);
      expect(sumOf(samples, "moodfood_query_processing_time_ms_count", { stage: "total" })).toBe(K + CLI_QUERIES);
    }
    expect(exported.reduce((sum, samples) => sum + sumOf(samples, "moodfood_queries_total"), 0)).toBe(stored.length);
  });
});

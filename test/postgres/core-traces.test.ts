import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceRecord } from "../../src/records/trace.js";
import { openStore, type Store } from "../../src/store/store.js";
import type { TraceFilter } from "../../src/store/trace-queries.js";
import { coreTraces, databaseUrl, type Scratch, SKIP_REASON, scratchSchema, T0 } from "./core-support.js";

const MIN = 60_000;

/** The same writes on both backends: unfinished traces started one by one, finished ones in two batches. */
async function fill(store: Store, traces: TraceRecord[]): Promise<void> {
  const finished = traces.filter((t) => t.ended_at !== null);
  for (const t of traces.filter((t) => t.ended_at === null)) await store.startTrace(t);
  const half = Math.floor(finished.length / 2);
  await store.recordTraces(
    finished.slice(0, half).map((t) => ({ ...t, status: "active", ended_at: null, duration_ms: null })),
    [],
  );
  const done = finished.map((trace) => ({ trace, counters: [], histograms: [] }));
  await store.completeTraces(done.slice(0, half));
  await store.recordTraces(finished.slice(half, half + 3), done.slice(half));
}

const FILTERS: TraceFilter[] = [
  { limit: 1000 },
  { limit: 7 },
  { limit: -1 },
  { limit: 1000, since: T0 + 30 * MIN, until: T0 + 120 * MIN },
  { limit: 1000, since: T0 + 30.5 * MIN },
  { limit: 1000, status: "ok" },
  { limit: 1000, status: "error" },
  { limit: 1000, status: "active" },
  { limit: 1000, status: "abandoned" },
  { limit: 1000, status: "active", abandonedBefore: T0 + 100 * MIN },
  { limit: 1000, status: "abandoned", abandonedBefore: T0 + 100 * MIN },
  { limit: 1000, decision: "classifier" },
  { limit: 1000, minMs: 2000 },
  { limit: 1000, modelVersion: "m2", status: "ok" },
];

describe.skipIf(!databaseUrl)(`PostgreSQL traces answer as SQLite's (${SKIP_REASON})`, () => {
  let scratch: Scratch;
  const traces = coreTraces();
  let sqlite: Store;
  let postgres: Store;

  beforeAll(async () => {
    scratch = scratchSchema();
    sqlite = await openStore(":memory:");
    postgres = await openStore({ dataDir: ":memory:", databaseUrl: scratch.url }, { instance: "a" });
    await fill(sqlite, traces);
    await fill(postgres, traces);
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
    await scratch?.drop();
  });

  it("gets every trace back exactly as stored, spans and all", async () => {
    expect(postgres.backend).toBe("postgres");
    for (const t of traces) {
      const [a, b] = [await sqlite.traces.get(t.trace_id), await postgres.traces.get(t.trace_id)];
      expect(b).toEqual(a);
      expect(b?.spans).toEqual(t.spans);
    }
    expect(await postgres.traces.get("0".repeat(32))).toBeUndefined();
    expect(await postgres.traces.count()).toBe(await sqlite.traces.count());
  });

  it("lists and iterates with every filter in the same order", async () => {
    for (const filter of FILTERS) {
      const expected = await sqlite.traces.list(filter);
      expect(await postgres.traces.list(filter), JSON.stringify(filter)).toEqual(expected);
      const iterated: TraceRecord[] = [];
      for await (const t of postgres.traces.iterate(filter)) iterated.push(t);
      expect(iterated, JSON.stringify(filter)).toEqual(expected);
    }
  });

  it("finds by prefix and answers the time questions alike", async () => {
    for (const [prefix, limit] of [
      ["abc", 5],
      ["f0", 100],
      ["abc", 100],
      ["ff", 3],
    ] as const) {
      expect(await postgres.traces.findByPrefix(prefix, limit)).toEqual(await sqlite.traces.findByPrefix(prefix, limit));
    }
    for (const at of [T0, T0 + 1, T0 + 55 * MIN, T0 + 10_000 * MIN]) {
      expect(await postgres.traces.newestStartedBefore(at)).toBe(await sqlite.traces.newestStartedBefore(at));
    }
  });

  it("sweeps abandoned traces and prunes old ones alike", async () => {
    const cutoff = T0 + 80 * MIN;
    expect(await postgres.traces.sweepAbandoned(cutoff)).toBe(await sqlite.traces.sweepAbandoned(cutoff));
    expect(await postgres.traces.list({ limit: 1000 })).toEqual(await sqlite.traces.list({ limit: 1000 }));
    const prune = T0 + 40.5 * MIN;
    expect(await postgres.traces.deleteStartedBefore(prune)).toBe(await sqlite.traces.deleteStartedBefore(prune));
    expect(await postgres.traces.list({ limit: 1000 })).toEqual(await sqlite.traces.list({ limit: 1000 }));
  });

  it("refuses a trace id stored twice, as SQLite does", async () => {
    const newest = traces.at(-1) as TraceRecord; // still stored after the prune above
    await expect(sqlite.startTrace(newest)).rejects.toThrow();
    await expect(postgres.startTrace(newest)).rejects.toThrow(/duplicate key/);
  });
});

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CounterIncrement, HistogramObservation } from "../../src/store/rollup-queries.js";
import { type CompletedTrace, openStore, type Store } from "../../src/store/store.js";
import { coreTraces, databaseUrl, type Scratch, SKIP_REASON, scratchSchema } from "./core-support.js";

const HOUR = 3_600_000;

/** Finished traces with the counters and histograms a query adds, some with exemplars, across two hours. */
function batches(offset: number): CompletedTrace[][] {
  const traces = coreTraces(24).filter((t) => t.ended_at !== null);
  const completed = traces.map((trace, i): CompletedTrace => {
    const at = (trace.ended_at as number) + (i % 2) * HOUR + offset;
    const counters: CounterIncrement[] = [
      { name: "moodfood_queries_total", labels: { status: trace.status, decision: trace.final_decision ?? "none" }, value: 1 },
      { name: "moodfood_llm_cost_usd_total", labels: { model: "m", z: "1", a: "2" }, value: 0.000125 * (i + 1) },
    ];
    const histograms: HistogramObservation[] = [
      {
        name: "moodfood_query_processing_time_ms",
        labels: { stage: "total" },
        value: 10.5 * i,
        bucketIndex: i % 4,
        bucketCount: 5,
        exemplarTraceId: i % 3 === 0 ? trace.trace_id : undefined,
        at,
      },
      { name: "moodfood_query_processing_time_ms", labels: { stage: "parse" }, value: 0.25, bucketIndex: 0, bucketCount: 5, at },
    ];
    return {
      trace: { ...trace, trace_id: `${trace.trace_id.slice(0, 28)}${String(offset).padStart(4, "0")}`, ended_at: at },
      counters,
      histograms,
    };
  });
  return [completed.slice(0, 5), completed.slice(5, 6), completed.slice(6)];
}

async function record(store: Store, offset: number): Promise<void> {
  for (const batch of batches(offset)) await store.completeTraces(batch);
}

describe.skipIf(!databaseUrl)(`PostgreSQL rollups: per instance, summed right (${SKIP_REASON})`, () => {
  let scratch: Scratch;
  let sqlite: Store;
  let a: Store;
  let b: Store;

  beforeAll(async () => {
    scratch = scratchSchema();
    sqlite = await openStore(":memory:");
    a = await openStore({ dataDir: ":memory:", databaseUrl: scratch.url }, { instance: "host-a" });
    b = await openStore({ dataDir: ":memory:", databaseUrl: scratch.url }, { instance: "host-b" });
    await record(sqlite, 0);
    await record(a, 0);
  });
  afterAll(async () => {
    await Promise.all([sqlite?.close(), a?.close(), b?.close()]);
    await scratch?.drop();
  });

  it("merges counters, buckets and exemplars exactly as SQLite does", async () => {
    expect(await a.rollups.counterTotals()).toEqual(await sqlite.rollups.counterTotals());
    const histograms = await a.rollups.histogramTotals();
    expect(histograms).toEqual(await sqlite.rollups.histogramTotals());
    expect(histograms.find((h) => h.labels.stage === "total")?.exemplar).toBeDefined();
  });

  it("keeps each instance's rollups apart, so each /metrics exports only its own", async () => {
    expect(await b.rollups.counterTotals()).toEqual([]);
    await record(b, 7);
    await record(b, 9);
    expect(await a.rollups.counterTotals()).toEqual(await sqlite.rollups.counterTotals());
    const bQueries = (await b.rollups.counterTotals()).find((c) => c.name === "moodfood_queries_total" && c.labels.status === "ok");
    const aQueries = (await a.rollups.counterTotals()).find((c) => c.name === "moodfood_queries_total" && c.labels.status === "ok");
    expect(bQueries?.value).toBe(2 * (aQueries?.value ?? Number.NaN));
  });

  it("sums to the fleet total across instances, hourly rows included", async () => {
    const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${scratch.schema}` });
    await client.connect();
    try {
      const { rows } = await client.query<{ hour: string; total: number; instances: number }>(
        `SELECT hour = -1 AS all_time, sum(value)::float8 AS total, count(DISTINCT instance)::int AS instances
         FROM counter_rollups WHERE name = 'moodfood_queries_total' GROUP BY hour = -1 ORDER BY 1`,
      );
      const traces = batches(0).flat().length;
      expect(rows.map((r) => [r.total, r.instances])).toEqual([
        [3 * traces, 2],
        [3 * traces, 2],
      ]);
    } finally {
      await client.end();
    }
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { isoWeekOf } from "../../src/report/iso-week.js";
import { type Sample, sumOf } from "../metrics/exposition-parse.js";
import { ask, type Fleet, fleetSkipReason, type Instance, inParallel, mood, startFleet } from "./fleet.js";

// Issue #17: two servers on one PostgreSQL schema are one moodfood. Each /metrics counts what its
// instance served (the fleet's sum counts every query once); everything else reads the shared tables.
const databaseUrl = inject("databaseUrl");
const skip = fleetSkipReason(databaseUrl);
if (skip) console.warn(`SKIPPED: the two-instance fleet test did not run: ${skip}.`);

const N = 30; // served by A
const M = 25; // served by B; N + M clears drift check's 50-sample minimum
const RATED = 5; // of A's traces, rated through B

describe.skipIf(skip !== "")("two instances on one PostgreSQL schema (built CLI)", () => {
  let fleet: Fleet;
  let a: Instance;
  let b: Instance;
  let fromA: string[];

  beforeAll(async () => {
    fleet = startFleet(databaseUrl);
    // Started together: both migrate the fresh schema at once.
    [a, b] = await Promise.all([fleet.serve(fleet.dataDir()), fleet.serve(fleet.dataDir())]);
    const [onA, onB] = await Promise.all([inParallel(N, 6, (i) => ask(a, mood(i))), inParallel(M, 6, (i) => ask(b, mood(100 + i)))]);
    expect([...onA, ...onB].map((r) => r.status)).toEqual(new Array(N + M).fill(200));
    fromA = onA.map((r) => r.traceId as string);
  }, 60_000);
  afterAll(() => fleet?.close());

  it("gives each instance its own id", () => {
    expect(a.id).not.toBe(b.id);
  });

  it("rates on B the answers A served, and shows A's trace on B", async () => {
    for (const traceId of fromA.slice(0, RATED)) {
      const rated = await b.post("/feedback/explicit", { trace_id: traceId, rating: 5 });
      expect(rated.status).toBe(200);
      expect(((await rated.json()) as { trace_id: string }).trace_id).toBe(traceId);
    }
    const shown = await b.get(`/trace/${fromA[0]}`);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({ trace_id: fromA[0], query: mood(0), status: "ok" });
  });

  it("counts every query of the fleet in drift check, the weekly report and feedback summary", () => {
    const dir = fleet.dataDir(); // a third process: a CLI with an instance of its own
    const drift = fleet.cli(dir, ["drift", "check", "--json", "--window", "1h", "--baseline", "model"]);
    expect(drift.stderr).toBe("");
    const check = JSON.parse(drift.stdout) as { window: { n: number }; overall_score: number | null };
    expect(check.window.n).toBe(N + M);
    expect(check.overall_score).toEqual(expect.any(Number));

    const { year, week } = isoWeekOf(Math.floor(Date.now() / 86_400_000));
    const out = join(dir, "weekly.json");
    const args = ["report", "weekly", "--week", `${year}-W${String(week).padStart(2, "0")}`, "--format", "json", "--out", out];
    expect(fleet.cli(dir, args).status).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8")) as { queries: { total: number; ok: number }; feedback: { total: number } };
    expect(report.queries).toMatchObject({ total: N + M, ok: N + M });
    expect(report.feedback.total).toBe(RATED);

    const summary = JSON.parse(fleet.cli(dir, ["feedback", "summary", "--json"]).stdout) as { total_feedback: number; positive: number };
    expect(summary).toMatchObject({ total_feedback: RATED, positive: RATED });
  });

  it("exports from each /metrics the queries that instance served, summing to the fleet's", async () => {
    const [onA, onB] = await Promise.all([a.metrics(), b.metrics()]);
    expect(sumOf(onA, "moodfood_queries_total")).toBe(N);
    expect(sumOf(onB, "moodfood_queries_total")).toBe(M);
    expect(sumOf(onA, "moodfood_query_processing_time_ms_count", { stage: "total" })).toBe(N);
    expect(sumOf(onB, "moodfood_query_processing_time_ms_count", { stage: "total" })).toBe(M);
    // The feedback counter belongs to the instance that recorded it, so the fleet counts each rating once.
    expect(sumOf(onA, "moodfood_user_feedback_total") + sumOf(onB, "moodfood_user_feedback_total")).toBe(RATED);
  });

  it("reports the same fleet-wide gauges (drift score, health, model) on both instances", async () => {
    const fleetWide = ["moodfood_drift_score", "moodfood_system_health", "moodfood_current_model_version", "moodfood_training_buffer_size"];
    const [onA, onB] = await Promise.all([a.metrics(), b.metrics()]);
    for (const name of fleetWide) {
      expect(series(onA, name), name).toEqual(series(onB, name));
      expect(series(onA, name).length, `${name} is exported`).toBeGreaterThan(0);
    }
  });

  // moodfood_feedback_score is a ratio over the fleet's feedback: it cannot be summed, so each
  // instance must show the whole fleet's (as the drift score does), not its own share.
  it("reports the same feedback score on both instances", async () => {
    const [onA, onB] = await Promise.all([a.metrics(), b.metrics()]);
    expect(series(onA, "moodfood_feedback_score")).toEqual(series(onB, "moodfood_feedback_score"));
    expect(series(onA, "moodfood_feedback_score").map((s) => s.value)).toEqual([1]);
  });
});

/** A gauge's series, comparable across instances. */
const series = (samples: Sample[], name: string) =>
  samples
    .filter((s) => s.name === name)
    .map((s) => ({ labels: s.labels, value: s.value }))
    .sort((x, y) => JSON.stringify(x.labels).localeCompare(JSON.stringify(y.labels)));

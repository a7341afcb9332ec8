import { describe, expect, it } from "vitest";
import { runSimulate, type SimulateOptions } from "../../src/simulate/run-simulate.js";
import type { Store } from "../../src/store/store.js";
import { openTestStore } from "../support/test-store.js";
import { fakeSimulateDeps } from "./fake-pipeline.js";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 2, 10, 9, 30); // the simulated history ends right here
const options = (over: Partial<SimulateOptions> = {}): SimulateOptions => ({
  days: 3,
  perDay: 200,
  seed: "7",
  feedbackRate: 0.2,
  llmFailureRate: 0.05,
  driftDay: null,
  ...over,
});

async function simulate(over: Partial<SimulateOptions> = {}, now = NOW) {
  const store = await openTestStore();
  const summary = await runSimulate(options(over), fakeSimulateDeps(store, now));
  return { store, summary };
}

const allTraces = async (store: Store) => (await store.traces.list({ limit: 1_000_000 })).reverse();
const counter = async (store: Store, name: string) =>
  (await store.rollups.counterTotals()).filter((c) => c.name === name).reduce((n, c) => n + c.value, 0);

describe("runSimulate", () => {
  it("stores exactly per-day traces in each of the 24-hour days ending now, one per query", async () => {
    const { store, summary } = await simulate({ days: 3, perDay: 200 });
    const traces = await allTraces(store);
    expect(traces).toHaveLength(600);
    expect(summary.queries).toBe(600);
    for (let d = 0; d < 3; d++) {
      const start = NOW - (3 - d) * DAY;
      expect(traces.filter((t) => t.started_at >= start && t.started_at < start + DAY)).toHaveLength(200);
    }
    expect(summary.to).toBe(new Date(NOW).toISOString());
    expect(summary.per_day_counts.map((d) => d.start)).toEqual([3, 2, 1].map((back) => new Date(NOW - back * DAY).toISOString()));
    expect(new Set(traces.map((t) => t.status))).toEqual(new Set(["ok"]));
    expect(await counter(store, "moodfood_queries_total")).toBe(600);
  });

  // The default drift check looks at the last 24 hours: whatever the hour, that must be the last simulated day.
  it.each([
    ["just after midnight", Date.UTC(2025, 2, 10, 0, 0, 30)],
    ["mid-morning", Date.UTC(2025, 2, 10, 9, 30)],
    ["just before midnight", Date.UTC(2025, 2, 10, 23, 59, 59)],
  ])("puts the whole drifted last day in the last 24 hours when run %s", async (_when, now) => {
    const { store } = await simulate({ days: 2, perDay: 300, driftDay: 2, feedbackRate: 0 }, now);
    const traces = await allTraces(store);
    expect(traces.every((t) => t.started_at < now)).toBe(true);
    const lastDay = traces.filter((t) => t.started_at >= now - DAY);
    expect(lastDay).toHaveLength(300);
    const hot = (list: typeof traces) => list.filter((t) => t.labels.includes("weather_hot")).length / list.length;
    expect(hot(lastDay)).toBeGreaterThan(3 * hot(traces.filter((t) => t.started_at < now - DAY)) + 0.05);
  });

  it("refuses to simulate into days that already hold traces unless told to append", async () => {
    const { store } = await simulate({ days: 1, perDay: 50, feedbackRate: 0 });
    const again = runSimulate(options({ days: 1, perDay: 50 }), fakeSimulateDeps(store, NOW + 3_600_000));
    await expect(again).rejects.toMatchObject({ code: "history_exists", exitCode: 1 });
    expect(await allTraces(store)).toHaveLength(50); // nothing written by the refused run
    await runSimulate(options({ days: 1, perDay: 50, append: true }), fakeSimulateDeps(store, NOW + 3_600_000));
    expect(await allTraces(store)).toHaveLength(100);
    // A range that ends before the stored traces start is free.
    await runSimulate(options({ days: 1, perDay: 50 }), fakeSimulateDeps(store, NOW - 2 * DAY));
    expect(await allTraces(store)).toHaveLength(150);
  });

  it("records LLM failures on the llm_call span, falls back, and opens the circuit in outages", async () => {
    const { store, summary } = await simulate({ days: 2, perDay: 2_000, llmFailureRate: 0.1, feedbackRate: 0 });
    const failedSpans = (await allTraces(store)).flatMap((t) => t.spans).filter((s) => s.name === "llm_call" && s.status === "error");
    const failures = Object.values(summary.llm_failures).reduce((a, b) => a + b, 0);
    expect(failedSpans).toHaveLength(failures);
    expect(failures / 4_000).toBeGreaterThan(0.06);
    expect(summary.llm_failures.circuit_open ?? 0).toBeGreaterThan(0);
    expect((summary.decisions.ml_only ?? 0) + (summary.decisions.default_fallback ?? 0)).toBeGreaterThanOrEqual(failures);
  });

  it("stores feedback rows tied to stored traces, with matching counters", async () => {
    const { store, summary } = await simulate({ feedbackRate: 0.3 });
    const rows = await store.feedback.between(0, NOW + DAY);
    expect(rows).toHaveLength(summary.feedback.total);
    expect(rows.length / 600).toBeGreaterThan(0.2);
    expect(rows.length / 600).toBeLessThan(0.4);
    for (const row of rows.slice(0, 50)) expect((await store.traces.get(row.trace_id))?.started_at).toBeLessThan(row.created_at);
    expect(await counter(store, "moodfood_user_feedback_total")).toBe(rows.length);
    expect(summary.feedback.explicit + summary.feedback.implicit).toBe(rows.length);
  });

  it("is reproducible: the same seed gives the same times, queries, labels, decisions and feedback", async () => {
    const shape = async (seed: string) => {
      const { store } = await simulate({ seed, days: 2, perDay: 300 });
      const traces = await allTraces(store);
      const index = new Map(traces.map((t, i) => [t.trace_id, i]));
      return {
        traces: traces.map((t) => [t.started_at, t.query, t.labels, t.final_decision, t.user_id]),
        feedback: (await store.feedback.between(0, NOW + DAY)).map((f) => [
          index.get(f.trace_id),
          f.created_at,
          f.type,
          f.rating,
          f.signal,
          f.sentiment,
        ]),
      };
    };
    const a = await shape("same");
    expect(await shape("same")).toEqual(a);
    expect((await shape("other")).traces).not.toEqual(a.traces);
  });

  it("shifts the mix from the drift day on and reports which days drifted", async () => {
    const { store, summary } = await simulate({ days: 4, perDay: 400, driftDay: 3 });
    expect(summary.per_day_counts.map((d) => d.era)).toEqual(["stationary", "stationary", "drifted", "drifted"]);
    const hotShare = async (day: number) => {
      const start = NOW - (4 - day + 1) * DAY;
      const traces = (await allTraces(store)).filter((t) => t.started_at >= start && t.started_at < start + DAY);
      return traces.filter((t) => t.labels.includes("weather_hot")).length / traces.length;
    };
    expect(await hotShare(3)).toBeGreaterThan(3 * (await hotShare(2)) + 0.05);
  });

  it.each([
    [{ days: 0 }, "invalid_days"],
    [{ perDay: 1.5 }, "invalid_per_day"],
    [{ feedbackRate: 2 }, "invalid_rate"],
    [{ driftDay: 4 }, "invalid_drift_day"],
  ])("rejects %j as a usage error", async (over, code) => {
    await expect(simulate(over)).rejects.toMatchObject({ code, exitCode: 2 });
  });
});

import { describe, expect, it } from "vitest";
import { buildWeeklyReport } from "../../src/report/build-weekly-report.js";
import { parseIsoWeek } from "../../src/report/iso-week.js";
import type { Store } from "../../src/store/store.js";
import { mulberry32 } from "../drift-check/seed-traces.js";
import { openTestStore } from "../support/test-store.js";
import { feedbackAt, type SeedTrace, seed, writeFeedback } from "./seed.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = "2026-W03";
const MONDAY = parseIsoWeek(WEEK) as number;
const NOW = Date.parse("2026-02-01T12:00:00Z");
const build = (store: Store, timeZone = "UTC") => buildWeeklyReport(store, { monday: MONDAY, timeZone, now: NOW, traceCleanupHours: 24 });

/** Two weeks of traces every 7-23 minutes, some lasting seconds, so many straddle an hour or day boundary. */
function twoWeeks(start: number): SeedTrace[] {
  const random = mulberry32(7);
  const traces: SeedTrace[] = [];
  for (let at = start - 8 * DAY; at < start + 15 * DAY; at += Math.floor((7 + random() * 16) * 60_000)) {
    const r = random();
    traces.push({
      at,
      durationMs: r < 0.1 ? 2_500 + random() * 9_000 : 0.3 + random() * 20,
      status: r > 0.97 ? "error" : "ok",
      decision: r < 0.5 ? "ml_validated" : r < 0.8 ? "llm_fallback" : "ml_only",
      labels: r < 0.6 ? ["emotion_sad", "goal_comfort"] : ["weather_hot"],
    });
  }
  return traces;
}

const startedIn = (traces: SeedTrace[], from: number, to: number) => traces.filter((t) => t.at >= from && t.at < to);

describe("the weekly report's numbers are the store's, for the week asked", () => {
  it("counts every query that started in the week, however close to a boundary it ran", async () => {
    const store = await openTestStore();
    const start = MONDAY * DAY;
    const end = start + 7 * DAY;
    const traces: SeedTrace[] = [
      { at: start - 1, durationMs: 5 }, // previous week, rolled up in this week's first hour
      { at: end - 1, durationMs: 5 }, // this week, rolled up in the next week's first hour
      { at: start + 3 * DAY - 2, durationMs: 400, status: "error" }, // a day boundary inside the week
      { at: start + 2 * HOUR, status: "active" }, // unfinished: older than the cleanup age, so abandoned
      { at: start + 5 * HOUR },
    ];
    await seed(store, traces);
    const r = await build(store);
    expect(r.period).toMatchObject({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
    expect(r.queries.total).toBe(4);
    expect(r.queries).toMatchObject({ completed: 3, errors: 1, unfinished: { active: 0, abandoned: 1 } });
    expect(r.queries.per_day.map((d) => d.completed)).toEqual([1, 0, 1, 0, 0, 0, 1]);
    expect(r.queries.per_day.map((d) => d.previous_completed)).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(r.queries.change.total).toEqual({ previous: 1, change: 3, change_pct: 300 });
  });

  for (const zone of ["UTC", "Asia/Kolkata", "America/St_Johns"]) {
    it(`per-day counts, errors and decisions match the rows in ${zone}`, async () => {
      const store = await openTestStore();
      const traces = twoWeeks(MONDAY * DAY);
      await seed(store, traces);
      const r = await build(store, zone);
      const bounds = [...r.period.days.map((_, i) => Date.parse(r.period.start) + i * DAY), Date.parse(r.period.end)];
      // No DST in these zones in January: a day is 24 hours from the week's start.
      expect(bounds[7]).toBe(Date.parse(r.period.end));
      const days = bounds.slice(0, 7).map((from, i) => startedIn(traces, from, bounds[i + 1] as number));
      expect(r.queries.per_day.map((d) => d.completed)).toEqual(days.map((d) => d.length));
      expect(r.queries.per_day.map((d) => d.errors)).toEqual(days.map((d) => d.filter((t) => t.status === "error").length));
      const week = days.flat();
      expect(r.queries.total).toBe(week.length);
      const okOnes = week.filter((t) => t.status !== "error");
      for (const decision of ["ml_validated", "llm_fallback", "ml_only"]) {
        expect(r.queries.decisions.find((d) => d.decision === decision)?.count).toBe(okOnes.filter((t) => t.decision === decision).length);
      }
      expect(r.queries.top_labels.find((l) => l.label === "emotion_sad")?.count).toBe(
        okOnes.filter((t) => t.labels?.includes("emotion_sad")).length,
      );
      expect(r.attribution).toMatch(zone === "UTC" ? /exactly its own/ : /minutes into a UTC hour/);
      expect(r.latency.total.count).toBeGreaterThan(0);
    });
  }

  it("feedback, alerts, retrains and health are the rows of the week", async () => {
    const store = await openTestStore();
    const start = MONDAY * DAY;
    const [t] = await seed(store, [{ at: start + HOUR }]);
    if (!t) throw new Error("no trace");
    await writeFeedback(store, [
      feedbackAt(t, start - 1, { sentiment: "negative" }), // the week before
      feedbackAt(t, start + HOUR, { rating: 5, sentiment: "positive" }),
      feedbackAt(t, start + 2 * DAY, { rating: 1, sentiment: "negative", comment: "cold <b>soup</b>" }),
      feedbackAt(t, start + 6 * DAY, { sentiment: "neutral", signal: "modify" }),
      feedbackAt(t, start + 7 * DAY, { sentiment: "positive" }), // the week after
    ]);
    const alert = (id: string, opened: number) =>
      store.drift.insertAlert({
        alert_id: id,
        type: "labels",
        severity: "high",
        opened_at: opened,
        updated_at: opened,
        model_version: "m1",
        score: 0.3,
        threshold: 0.1,
        details: "{}",
      });
    await alert("a-before", start - DAY); // raised the week before, resolved in this one
    await store.drift.resolveAlert("a-before", start + DAY);
    await alert("a-acked", start + DAY);
    await store.drift.acknowledgeAlert("a-acked", start + 2 * DAY);
    await alert("a-open", start + 3 * DAY);
    await alert("a-later", start + 8 * DAY);
    await store.health.record({ checked_at: start + HOUR, status: "healthy", score: 100, source: "cli", checks: "{}" }, { append: true });
    await store.health.record(
      { checked_at: start + 4 * DAY, status: "degraded", score: 70, source: "serve", checks: "{}" },
      { append: true },
    );

    const r = await build(store);
    expect(r.feedback).toMatchObject({ total: 3, explicit: 2, implicit: 1, rated: 2, average_rating: 3 });
    expect(r.feedback.sentiment).toEqual({ positive: 1, neutral: 1, negative: 1 });
    expect(r.feedback.per_day.map((d) => d.total)).toEqual([1, 0, 1, 0, 0, 0, 1]);
    expect(r.feedback.negative_comments).toEqual([expect.objectContaining({ rating: 1, comment: "cold <b>soup</b>", query: "seeded" })]);
    expect(r.drift.alerts).toMatchObject({ raised: 2, acknowledged: 1, resolved: 1, unresolved_at_end: 2 });
    expect(r.drift.alerts.list.map((a) => [a.alert_id, a.status])).toEqual([
      ["a-before", "resolved"],
      ["a-acked", "acknowledged"],
      ["a-open", "open"],
    ]);
    expect(r.health).toMatchObject({ checks: 2, min: 70, max: 100, mean: 85, status_counts: { healthy: 1, degraded: 1 } });
    expect(r.recommendations.map((x) => x.rule)).toEqual(["alerts_unresolved", "health_below_healthy"]);
    expect(r.recommendations[1]?.evidence).toEqual({ min: 70, mean: 85 });
  });
});

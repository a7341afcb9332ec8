import { describe, expect, it } from "vitest";
import { acknowledgeAlert } from "../../src/drift/alerts/acknowledge.js";
import { runDriftCheck } from "../../src/drift/check/run-drift-check.js";
import { severityOf } from "../../src/drift/check/severity.js";
import { driftSummary } from "../../src/drift/drift-summary.js";
import { readCachedGauge } from "../../src/metrics/cached-gauges.js";
import type { Store } from "../../src/store/store.js";
import { openTestStore } from "../support/test-store.js";
import { mulberry32, seedTraces } from "./seed-traces.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const MOODS = ["emotion_sad", "emotion_tired", "emotion_happy", "emotion_stressed", "goal_comfort", "weather_cold", "sensory_warming"];
const SUMMER = ["weather_hot", "sensory_refreshing", "goal_hydration"];

/** One day of traffic: `n` traces, labels drawn from `pool`, confidence ~ Beta-ish around `center`. */
async function day(store: Store, dayIndex: number, n: number, seed: number, pool = MOODS, center = 0.75): Promise<void> {
  const rand = mulberry32(seed);
  await seedTraces(
    store,
    Array.from({ length: n }, (_, i) => ({
      at: T0 + dayIndex * DAY + Math.floor((i / n) * DAY),
      confidence: Math.min(0.999, Math.max(0.01, center + (rand() + rand() + rand() - 1.5) * 0.3)),
      labels: [pool[Math.floor(rand() * pool.length)] as string, pool[Math.floor(rand() * pool.length)] as string],
      decision: rand() < 0.9 ? "ml_validated" : "llm_fallback",
    })),
  );
}

const check = (store: Store, dayIndex: number, extra: Partial<Parameters<typeof runDriftCheck>[1]> = {}) =>
  runDriftCheck(store, {
    windowMs: DAY,
    until: T0 + (dayIndex + 1) * DAY,
    threshold: 0.1,
    modelVersion: "m1",
    confidenceReference: [],
    now: T0 + (dayIndex + 1) * DAY,
    ...extra,
  });

describe("drift check", () => {
  it("stays quiet for a week of stationary traffic", async () => {
    const store = await openTestStore();
    for (let d = 0; d < 8; d++) await day(store, d, 400, 100 + d);
    for (let d = 1; d < 8; d++) {
      const result = await check(store, d);
      expect(result.status).toBe("ok");
      expect(result.exit_code, result.explanation).toBe(0);
    }
    expect(await store.drift.listAlerts(true, 10)).toHaveLength(0);
  });

  it("exits 2 and names the label mix when the season changes, then resolves when it clears", async () => {
    const store = await openTestStore();
    await day(store, 0, 400, 1);
    await day(store, 1, 400, 2, [...MOODS.slice(0, 4), ...SUMMER]);
    const shifted = await check(store, 1);
    expect(shifted.exit_code).toBe(2);
    expect(shifted.explanation).toMatch(/Label mix changed/);
    expect(shifted.explanation).toMatch(/weather_hot/);
    expect(shifted.alerts.opened.map((a) => a.type)).toContain("labels");

    // The same condition again: the alert is updated, not duplicated.
    const again = await check(store, 1, { now: T0 + 2 * DAY + 60_000 });
    expect(again.alerts.opened).toHaveLength(0);
    expect((await store.drift.listAlerts(false, 10)).filter((a) => a.type === "labels")).toHaveLength(1);

    expect((await driftSummary(store)).last_check?.severity).toMatch(/high|critical/);
    expect((await driftSummary(store)).open_alerts.map((a) => a.type)).toContain("labels");
    const gauge = (await readCachedGauge(store, "moodfood_drift_score"))?.find((g) => g.labels.type === "labels");
    expect(gauge?.value).toBeGreaterThan(0.25);

    const ack = await acknowledgeAlert(store, shifted.alerts.opened[0]!.alert_id.slice(0, 9), T0 + 3 * DAY);
    expect(ack.status).toBe("acknowledged");

    await day(store, 2, 400, 3, [...MOODS.slice(0, 4), ...SUMMER]);
    const cleared = await check(store, 2);
    expect(cleared.alerts.resolved.map((a) => a.type)).toContain("labels");
  });

  it("reports insufficient data (exit 3) below 50 traces", async () => {
    const store = await openTestStore();
    await day(store, 0, 400, 1);
    await day(store, 1, 20, 2);
    expect(await check(store, 1)).toMatchObject({ status: "insufficient_data", exit_code: 3 });
  });

  it("flags a confidence collapse", async () => {
    const store = await openTestStore();
    await day(store, 0, 500, 1);
    await day(store, 1, 500, 2, MOODS, 0.4);
    const result = await check(store, 1);
    const confidence = result.signals.find((s) => s.type === "confidence");
    expect(confidence?.severity).toMatch(/high|critical/);
    expect(result.exit_code).toBe(2);
  });

  it("severity needs both size and significance, scaled by DRIFT_THRESHOLD", () => {
    expect(severityOf(0.3, 0.1, true)).toBe("high");
    expect(severityOf(0.3, 0.1, false)).toBe("low");
    expect(severityOf(0.3, 0.2, true)).toBe("low");
    expect(severityOf(0.05, 0.1, true)).toBe("none");
  });
});

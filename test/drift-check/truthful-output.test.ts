import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderAlerts } from "../../src/cli/render/drift-alerts.js";
import { renderDriftCheck } from "../../src/cli/render/drift-check.js";
import { alertToJson } from "../../src/drift/alerts/alert-json.js";
import { reconcileAlerts } from "../../src/drift/alerts/reconcile-alerts.js";
import { type DriftCheckResult, runDriftCheck } from "../../src/drift/check/run-drift-check.js";
import type { Severity } from "../../src/drift/check/severity.js";
import { ALPHA, type SignalResult } from "../../src/drift/check/signals.js";
import { summariseSignals } from "../../src/drift/check/summarise-signals.js";
import { openTestStore } from "../support/test-store.js";
import { mulberry32, seedTraces } from "./seed-traces.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const plain = { color: false } as Parameters<typeof renderDriftCheck>[1];

function signal(type: SignalResult["type"], severity: Severity, pvalue: number, explanation: string): SignalResult {
  return {
    type,
    status: "ok",
    severity,
    score: severity === "none" ? 0 : 0.15,
    psi: 0.2,
    test: { name: "chi-square homogeneity (dof 3)", statistic: 40, pvalue },
    alpha: ALPHA,
    significant: pvalue < ALPHA,
    n_baseline: 500,
    n_current: 500,
    explanation,
    details: {},
  };
}

function result(severity: Severity, signals: SignalResult[]): DriftCheckResult {
  return {
    status: "ok",
    severity,
    exit_code: 0,
    model_version: "m1",
    checked_at: new Date(T0).toISOString(),
    window: { start: new Date(T0 - DAY).toISOString(), end: new Date(T0).toISOString(), n: 500 },
    baseline: { kind: "previous", start: new Date(T0 - 2 * DAY).toISOString(), end: new Date(T0 - DAY).toISOString(), n: 500 },
    overall_score: 0.15,
    signals,
    alerts: { opened: [], updated: [], resolved: [] },
    alerts_reconciled: true,
    explanation: summariseSignals(severity, signals),
  };
}

describe("drift output says nothing its own numbers contradict", () => {
  it("a LOW verdict is not followed by 'No drift'", () => {
    const low = signal(
      "confidence",
      "low",
      0.034,
      "Classifier confidence moved: ... but not significantly (KS p=0.034, needs p<0.01): possibly noise, not alerted.",
    );
    const text = renderDriftCheck(result("low", [low, signal("labels", "none", 0.5, "Label mix is stable.")]), plain);
    expect(text).toMatch(/^Drift LOW/);
    expect(text).not.toMatch(/No drift/);
    expect(text).toMatch(/Low drift only, below the alert level/);
    expect(text).toMatch(/p=0\.034 \(not significant: possibly noise\)/);
  });

  it("'none' beside a tiny p-value says the difference is real but too small", () => {
    const text = renderDriftCheck(result("none", [signal("labels", "none", 1e-9, "Label mix is stable.")]), plain);
    expect(text).toMatch(/labels +none +PSI +0\.000 +p<1e-6 \(real, but too small to matter\)/);
    expect(text).toMatch(/No drift in labels\./);
  });

  it("'No drift' names the signals that could not be checked instead of claiming every one", () => {
    const missing = { ...signal("feedback", "none", 1, ""), status: "insufficient_data" as const, test: null };
    expect(summariseSignals("none", [signal("labels", "none", 0.4, ""), missing])).toBe(
      "No drift in labels. Not enough data to compare feedback.",
    );
  });

  it("says fewer fallbacks when fallbacks fell, and more when they rose", async () => {
    const checkDecisions = async (before: number, after: number) => {
      const store = await openTestStore();
      const rand = mulberry32(5);
      const traffic = (dayIndex: number, fallbackShare: number) =>
        Array.from({ length: 600 }, (_, i) => ({
          at: T0 + dayIndex * DAY + i * 60_000,
          confidence: 0.6 + rand() * 0.3,
          labels: ["emotion_sad"],
          decision: rand() < fallbackShare ? "llm_fallback" : "ml_validated",
        }));
      await seedTraces(store, [...traffic(0, before), ...traffic(1, after)]);
      const run = await runDriftCheck(store, {
        windowMs: DAY,
        until: T0 + 2 * DAY,
        threshold: 0.1,
        modelVersion: "m1",
        confidenceReference: [],
        now: T0 + 2 * DAY,
      });
      return run.signals.find((s) => s.type === "decisions") as SignalResult;
    };
    const fell = await checkDecisions(0.5, 0.05);
    expect(fell.severity).toMatch(/high|critical/);
    expect(fell.explanation).toMatch(/Fewer fallbacks \(\d+% → \d+%\)/);
    expect(fell.explanation).not.toMatch(/More fallbacks/);
    const rose = await checkDecisions(0.05, 0.5);
    expect(rose.explanation).toMatch(/More fallbacks \(\d+% → \d+%\)/);
  });

  it("an alert's severity follows its latest measurement and keeps the worst as its peak", async () => {
    const store = await openTestStore();
    const at = (severity: Severity, now: number) =>
      store.transaction(async () =>
        reconcileAlerts(store, [signal("labels", severity, 1e-9, `labels ${severity}`)], { modelVersion: "m1", threshold: 0.1, now }),
      );
    await at("high", T0);
    await at("medium", T0 + 3_600_000);
    const [alert] = (await store.drift.listAlerts(false, 10)).map(alertToJson);
    expect(alert?.severity).toBe("medium");
    expect(alert?.details).toMatchObject({ peak_severity: "high", peak_at: new Date(T0).toISOString(), explanation: "labels medium" });
    expect(renderAlerts({ alerts: [alert as NonNullable<typeof alert>] }, plain)).toMatch(
      /medium +labels +open +opened 2026-11-01T00:00:00Z, measured 2026-11-01T01:00:00Z +\(peak high at 2026-11-01T00:00:00Z\)/,
    );
    await at("high", T0 + 7_200_000);
    expect((await store.drift.listAlerts(false, 10))[0]?.severity).toBe("high");
  });

  it("checking a past window reports it but leaves today's alerts alone", async () => {
    const store = await openTestStore();
    const rand = mulberry32(9);
    const traffic = (dayIndex: number, labels: string[]) =>
      Array.from({ length: 400 }, (_, i) => ({
        at: T0 + dayIndex * DAY + i * 200_000,
        confidence: 0.6 + rand() * 0.3,
        labels: [labels[Math.floor(rand() * labels.length)] as string],
      }));
    await seedTraces(store, [...traffic(0, ["emotion_sad", "emotion_tired"]), ...traffic(1, ["emotion_sad", "emotion_tired"])]);
    await seedTraces(store, traffic(2, ["weather_hot", "sensory_refreshing"]));
    const now = T0 + 3 * DAY;
    const options = { windowMs: DAY, threshold: 0.1, modelVersion: "m1", confidenceReference: [], now };
    expect((await runDriftCheck(store, { ...options, until: now })).alerts.opened.length).toBeGreaterThan(0);
    const past = await runDriftCheck(store, { ...options, until: now - DAY });
    expect(past.severity).toBe("none");
    expect(past.alerts_reconciled).toBe(false);
    expect((await store.drift.listAlerts(false, 10)).length).toBeGreaterThan(0);
    expect(renderDriftCheck(past, plain)).toMatch(/alerts: left as they are \(a past window/);
  });

  it("the README states the significance rule the code applies", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const drift = readme.slice(readme.indexOf("### Drift"), readme.indexOf("### Metrics"));
    expect(drift).toContain(`Medium and above also need significance\n(p < ${ALPHA}; p < 0.001 for the label mix`);
    expect(drift).toMatch(/not significant is reported as low/);
  });
});

import { cachedGaugeKey } from "../../metrics/cached-gauges.js";
import type { Store } from "../../store/store.js";
import { type AlertChanges, reconcileAlerts } from "../alerts/reconcile-alerts.js";
import { type BaselineSpec, readWindowOrReference, resolveBaseline } from "./baseline-data.js";
import { maxSeverity, type Severity } from "./severity.js";
import { agreementAdvice, decisionAdvice, feedbackAdvice } from "./signal-advice.js";
import { categoricalSignal, confidenceSignal, MIN_SAMPLE, type SignalResult } from "./signals.js";
import { summariseSignals } from "./summarise-signals.js";
import { readWindow } from "./window-data.js";

export interface DriftCheckOptions {
  windowMs: number;
  until: number;
  baseline?: BaselineSpec;
  threshold: number;
  modelVersion: string;
  /** The model's held-out confidence distribution (for `--baseline model`). */
  confidenceReference: number[];
  now: number;
}

export interface DriftCheckResult {
  status: "ok" | "insufficient_data";
  severity: Severity;
  exit_code: 0 | 1 | 2 | 3;
  model_version: string;
  checked_at: string;
  window: { start: string; end: string; n: number };
  baseline: { kind: string; start: string | null; end: string | null; n: number };
  overall_score: number | null;
  signals: SignalResult[];
  alerts: AlertChanges;
  /** False for a past window (`--until` well before now): it reports, but alerts follow the present only. */
  alerts_reconciled: boolean;
  explanation: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Compares the current window with the baseline on every signal, stores the result and reconciles alerts. */
export async function runDriftCheck(store: Store, options: DriftCheckOptions): Promise<DriftCheckResult> {
  const start = options.until - options.windowMs;
  const current = await readWindow(store, start, options.until, options.modelVersion);
  const resolved = await resolveBaseline(store, options.baseline, start, options.windowMs);
  const baseline = await readWindowOrReference(store, resolved, options.modelVersion, options.confidenceReference);
  const t = options.threshold;
  const signals: SignalResult[] = [confidenceSignal(baseline.confidences, current.confidences, t)];
  if (resolved.kind !== "model") {
    signals.push(
      categoricalSignal("labels", baseline.labels, current.labels, t, {
        units: [baseline.labelledTraces, current.labelledTraces],
        alpha: 0.001, // label occurrences within a trace are not independent: ask for stronger evidence
        describe: "Label mix",
        advice: () => "Users are asking for different things: check the catalog covers them and retrain if the classifier struggles.",
      }),
      categoricalSignal("decisions", baseline.decisions, current.decisions, t, {
        units: [baseline.n, current.n],
        describe: "Decision mix",
        advice: decisionAdvice,
      }),
      categoricalSignal("agreement", baseline.agreement, current.agreement, t, {
        units: [sum(baseline.agreement), sum(current.agreement)],
        describe: "LLM/ML agreement",
        advice: agreementAdvice,
      }),
      categoricalSignal("feedback", baseline.feedback, current.feedback, t, {
        units: [sum(baseline.feedback), sum(current.feedback)],
        minimum: 30,
        describe: "Feedback positive ratio",
        advice: feedbackAdvice,
      }),
    );
  }
  const enough = current.n >= MIN_SAMPLE && (resolved.kind === "model" || baseline.n >= MIN_SAMPLE);
  const severity = enough ? maxSeverity(signals.map((s) => s.severity)) : "none";
  const scores = signals.filter((s) => s.score !== null).map((s) => s.score as number);
  const overall = scores.length ? Math.max(...scores) : null;
  const result: DriftCheckResult = {
    status: enough ? "ok" : "insufficient_data",
    severity,
    exit_code: !enough ? 3 : severity === "medium" ? 1 : severity === "high" || severity === "critical" ? 2 : 0,
    model_version: options.modelVersion,
    checked_at: new Date(options.now).toISOString(),
    window: { start: iso(start) as string, end: iso(options.until) as string, n: current.n },
    baseline: { kind: resolved.kind, start: iso(resolved.start), end: iso(resolved.end), n: baseline.n },
    overall_score: overall,
    signals,
    alerts: { opened: [], updated: [], resolved: [] },
    alerts_reconciled: false,
    explanation: "",
  };
  result.explanation = !enough
    ? `Insufficient data: ${current.n} traces in the window and ${baseline.n} in the baseline for model ${options.modelVersion}; need ${MIN_SAMPLE} each.`
    : summariseSignals(severity, signals);
  await store.transaction(async () => {
    await store.drift.insertCheck({
      checked_at: options.now,
      window_start: start,
      window_end: options.until,
      baseline: resolved.kind,
      model_version: options.modelVersion,
      overall_score: overall,
      severity: result.status === "ok" ? severity : "insufficient_data",
      result: JSON.stringify(result),
    });
    // The scrape reads this cached gauge; it never recomputes drift.
    const series = signals
      .filter((s) => s.score !== null)
      .map((s) => ({ labels: { type: s.type, model_version: options.modelVersion }, value: s.score as number }));
    await store.meta.set(cachedGaugeKey("moodfood_drift_score"), { series }, options.now);
    if (enough && options.until >= options.now - PRESENT_SLACK_MS) {
      result.alerts = await reconcileAlerts(store, signals, { modelVersion: options.modelVersion, threshold: t, now: options.now });
      result.alerts_reconciled = true;
    }
  });
  return result;
}

// Checking last week must not resolve today's alert; a window ending within this of now is the present.
const PRESENT_SLACK_MS = 5 * 60_000;

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((s, v) => s + v, 0);

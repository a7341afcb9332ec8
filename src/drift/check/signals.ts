import { chiSquareHomogeneity, ksTwoSample, poolRareCategories, psi, wasserstein1 } from "../stats/index.js";
import { categoricalPsi } from "./categorical-psi.js";
import { explainFinding } from "./explain-finding.js";
import { psiBias, type Severity, severityOf } from "./severity.js";

export type SignalType = "confidence" | "labels" | "decisions" | "agreement" | "feedback";

export interface SignalResult {
  type: SignalType;
  status: "ok" | "insufficient_data";
  severity: Severity;
  /** Bias-corrected PSI: the effect size the severity comes from. */
  score: number | null;
  psi: number | null;
  test: { name: string; statistic: number; pvalue: number } | null;
  /** The p-value below which the change counts as real; null when no test ran. */
  alpha: number | null;
  /** p < alpha: the change is real (it may still be too small to matter). */
  significant: boolean | null;
  n_baseline: number;
  n_current: number;
  explanation: string;
  details: Record<string, unknown>;
}

/** Significance needed before a large effect counts (DESIGN §6: large and real). */
export const ALPHA = 0.01;
export const MIN_SAMPLE = 50;

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function insufficient(type: SignalType, nb: number, nc: number, minimum = MIN_SAMPLE): SignalResult {
  return {
    type,
    status: "insufficient_data",
    severity: "none",
    score: null,
    psi: null,
    test: null,
    alpha: null,
    significant: null,
    n_baseline: nb,
    n_current: nc,
    explanation: `${type}: too few samples to compare (${nb} baseline, ${nc} current; need ${minimum} each).`,
    details: {},
  };
}

/** Classifier confidence distribution: KS test for significance, PSI (bias-corrected) for size. */
export function confidenceSignal(baseline: Float64Array, current: Float64Array, threshold: number): SignalResult {
  if (baseline.length < MIN_SAMPLE || current.length < MIN_SAMPLE) return insufficient("confidence", baseline.length, current.length);
  const ks = ksTwoSample(baseline, current);
  const raw = psi(baseline, current);
  const score = Math.max(0, raw - psiBias(10, baseline.length, current.length));
  const significant = ks.pvalue < ALPHA;
  const severity = severityOf(score, threshold, significant);
  const mb = median(baseline);
  const mc = median(current);
  const explanation = explainFinding({
    severity,
    significant,
    threshold,
    subject: "Classifier confidence",
    change: `median ${mb.toFixed(2)} → ${mc.toFixed(2)}`,
    evidence: { score, test: "KS", pvalue: ks.pvalue, alpha: ALPHA },
    advice: `The model is ${mc < mb ? "less" : "more"} sure of current queries: check the label mix and consider retraining on recent feedback.`,
  });
  return {
    type: "confidence",
    status: "ok",
    severity,
    score,
    psi: raw,
    test: { name: `ks_2samp (${ks.method})`, statistic: ks.statistic, pvalue: ks.pvalue },
    alpha: ALPHA,
    significant,
    n_baseline: baseline.length,
    n_current: current.length,
    explanation,
    details: { wasserstein: wasserstein1(baseline, current), median_baseline: mb, median_current: mc },
  };
}

/**
 * A categorical mix (labels, decisions, agreement, feedback): chi-square homogeneity after pooling
 * rare categories, PSI over the same categories, and a never-seen category that takes ≥ 5 % and
 * ≥ 10 occurrences of the window is critical on its own.
 */
export function categoricalSignal(
  type: SignalType,
  baseline: Record<string, number>,
  current: Record<string, number>,
  threshold: number,
  options: {
    minimum?: number;
    alpha?: number;
    units: number[];
    describe: string;
    /** What to do, given each category's share before and after (so the advice follows the direction). */
    advice: (before: Shares, after: Shares) => string;
  },
): SignalResult {
  const [nb, nc] = options.units as [number, number];
  const minimum = options.minimum ?? MIN_SAMPLE;
  if (nb < minimum || nc < minimum) return insufficient(type, nb, nc, minimum);
  const test = chiSquareHomogeneity(baseline, current);
  const pooled = poolRareCategories(baseline, current);
  const raw = pooled.labels.length < 2 ? 0 : categoricalPsi(pooled.countsA, pooled.countsB);
  const score = Math.max(0, raw - psiBias(Math.max(2, test.labels.length), nb, nc));
  const alpha = options.alpha ?? ALPHA;
  const significant = test.pvalue < alpha;
  let severity = severityOf(score, threshold, significant);
  const totalB = sum(Object.values(baseline));
  const totalC = sum(Object.values(current));
  const novel = Object.entries(current)
    .filter(([k, c]) => !(baseline[k] ?? 0) && c >= 10 && c / totalC >= 0.05)
    .map(([k]) => k);
  if (novel.length > 0) severity = "critical";
  const movers = Object.keys({ ...baseline, ...current })
    .map((k) => ({ k, before: (baseline[k] ?? 0) / totalB, after: (current[k] ?? 0) / totalC }))
    .sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before))
    .slice(0, 3);
  const moved = movers.map((m) => `${m.k} ${pct(m.before)} → ${pct(m.after)}`).join(", ");
  const explanation = explainFinding({
    severity,
    significant,
    threshold,
    subject: options.describe,
    change: `${moved}${novel.length ? `; never seen before: ${novel.join(", ")}` : ""}`,
    evidence: { score, test: "χ²", pvalue: test.pvalue, alpha },
    advice: options.advice(shares(baseline, totalB), shares(current, totalC)),
  });
  return {
    type,
    status: "ok",
    severity,
    score,
    psi: raw,
    test: { name: `chi-square homogeneity (dof ${test.dof})`, statistic: test.statistic, pvalue: test.pvalue },
    alpha,
    significant,
    n_baseline: nb,
    n_current: nc,
    explanation,
    details: {
      top_changes: movers.map((m) => ({ category: m.k, baseline_share: m.before, current_share: m.after })),
      pooled_into_other: test.pooled,
      never_seen: novel,
    },
  };
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

/** Each category's share of the total (0..1); a missing category reads as 0. */
export type Shares = Record<string, number>;
const shares = (counts: Record<string, number>, total: number): Shares =>
  Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, total === 0 ? 0 : c / total]));

function median(sorted: Float64Array): number {
  const copy = Float64Array.from(sorted).sort();
  const mid = copy.length >> 1;
  return copy.length % 2 ? (copy[mid] as number) : ((copy[mid - 1] as number) + (copy[mid] as number)) / 2;
}

// Held-out quality: per-label precision/recall/F1, macro and micro F1, expected calibration error.

export interface LabelMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Examples that carry the label. */
  support: number;
  /** Examples the model gave the label (score >= threshold). */
  predicted: number;
}

export interface HeldoutMetrics {
  examples: number;
  threshold: number;
  /** Mean F1 over labels that occur in the held-out set. */
  macro_f1: number;
  micro_f1: number;
  /** ECE over every (example, label) probability, 10 equal-width bins. */
  ece: number;
  /** ECE of the top label's probability against "the top label is right". */
  top_label_ece: number;
  top_label_accuracy: number;
  mean_labels_predicted: number;
  per_label: Record<string, LabelMetrics>;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

function f1Of(tp: number, predicted: number, support: number): { precision: number; recall: number; f1: number } {
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = support === 0 ? 0 : tp / support;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Expected calibration error: |accuracy - confidence| per bin, weighted by the bin's share. */
export function expectedCalibrationError(confidences: ArrayLike<number>, outcomes: ArrayLike<number>, bins = 10): number {
  const count = new Float64Array(bins);
  const confidenceSum = new Float64Array(bins);
  const hitSum = new Float64Array(bins);
  for (let i = 0; i < confidences.length; i++) {
    const c = confidences[i] ?? 0;
    const bin = Math.min(bins - 1, Math.floor(c * bins));
    count[bin] = (count[bin] ?? 0) + 1;
    confidenceSum[bin] = (confidenceSum[bin] ?? 0) + c;
    hitSum[bin] = (hitSum[bin] ?? 0) + (outcomes[i] ?? 0);
  }
  let ece = 0;
  for (let bin = 0; bin < bins; bin++) {
    const n = count[bin] ?? 0;
    if (n > 0) ece += (n / confidences.length) * Math.abs((hitSum[bin] ?? 0) / n - (confidenceSum[bin] ?? 0) / n);
  }
  return ece;
}

/** `count` evenly spaced quantiles (linear interpolation) of the values. */
export function quantiles(values: readonly number[], count: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return Array.from({ length: count }, (_, k) => {
    const position = (k / (count - 1)) * (sorted.length - 1);
    const below = Math.floor(position);
    const low = sorted[below] ?? 0;
    const high = sorted[Math.min(sorted.length - 1, below + 1)] ?? low;
    return round(low + (high - low) * (position - below));
  });
}

/** Scores every example's calibrated probabilities against its true labels. */
export function heldoutMetrics(
  probabilities: readonly Float64Array[],
  targets: readonly Uint8Array[],
  labels: readonly string[],
  threshold = 0.5,
): HeldoutMetrics {
  const L = labels.length;
  const tp = new Float64Array(L);
  const predicted = new Float64Array(L);
  const support = new Float64Array(L);
  const allConfidences: number[] = [];
  const allOutcomes: number[] = [];
  const topConfidences: number[] = [];
  const topOutcomes: number[] = [];
  let predictedTotal = 0;
  probabilities.forEach((probs, n) => {
    const truth = targets[n] ?? new Uint8Array(L);
    let top = 0;
    for (let l = 0; l < L; l++) {
      const p = probs[l] ?? 0;
      const y = truth[l] ?? 0;
      if (p > (probs[top] ?? 0)) top = l;
      allConfidences.push(p);
      allOutcomes.push(y);
      if (y === 1) support[l] = (support[l] ?? 0) + 1;
      if (p >= threshold) {
        predicted[l] = (predicted[l] ?? 0) + 1;
        predictedTotal++;
        if (y === 1) tp[l] = (tp[l] ?? 0) + 1;
      }
    }
    topConfidences.push(probs[top] ?? 0);
    topOutcomes.push(truth[top] ?? 0);
  });
  const perLabel: Record<string, LabelMetrics> = {};
  let macro = 0;
  let present = 0;
  labels.forEach((label, l) => {
    const scores = f1Of(tp[l] ?? 0, predicted[l] ?? 0, support[l] ?? 0);
    perLabel[label] = {
      precision: round(scores.precision),
      recall: round(scores.recall),
      f1: round(scores.f1),
      support: support[l] ?? 0,
      predicted: predicted[l] ?? 0,
    };
    if ((support[l] ?? 0) > 0) {
      macro += scores.f1;
      present++;
    }
  });
  const sum = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0);
  const micro = f1Of(sum(tp), sum(predicted), sum(support));
  const examples = probabilities.length;
  return {
    examples,
    threshold,
    macro_f1: round(present === 0 ? 0 : macro / present),
    micro_f1: round(micro.f1),
    ece: round(expectedCalibrationError(allConfidences, allOutcomes)),
    top_label_ece: round(expectedCalibrationError(topConfidences, topOutcomes)),
    top_label_accuracy: round(examples === 0 ? 0 : topOutcomes.reduce((a, b) => a + b, 0) / examples),
    mean_labels_predicted: round(examples === 0 ? 0 : predictedTotal / examples),
    per_label: perLabel,
  };
}

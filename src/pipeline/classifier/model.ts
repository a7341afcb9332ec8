// A loaded classifier: text -> hashed features -> logits -> calibrated probabilities, best first.
import type { LabelScore, MoodClassifier } from "../types.js";
import type { ClassifierArtifact } from "./artifact.js";
import { applyPlatt } from "./calibration.js";
import { extractFeatures } from "./features.js";
import { lexiconSignal } from "./lexicon-signal.js";

export interface TrainedClassifier extends MoodClassifier {
  readonly artifact: ClassifierArtifact;
  /** Calibrated probability per label, in the artifact's label order. */
  probabilities(text: string): Float64Array;
}

/** Row of a bucket in the pruned weight matrix, or -1 when pruning dropped it. */
function rowOf(buckets: Uint32Array, bucket: number): number {
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = buckets[mid] ?? 0;
    if (value === bucket) return mid;
    if (value < bucket) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

export function createClassifier(artifact: ClassifierArtifact): TrainedClassifier {
  const { header, buckets, bias, scales, weights } = artifact;
  const labels = header.labels;
  const L = labels.length;
  const { a, b } = header.calibration;
  const probabilities = (text: string): Float64Array => {
    const config = header.feature_config;
    const features = extractFeatures(text, config, config.lexiconWeight > 0 ? lexiconSignal(text) : undefined);
    const sums = new Float64Array(L);
    for (let k = 0; k < features.buckets.length; k++) {
      const row = rowOf(buckets, features.buckets[k] ?? 0);
      if (row < 0) continue;
      const v = features.values[k] ?? 0;
      const base = row * L;
      for (let l = 0; l < L; l++) sums[l] = (sums[l] ?? 0) + v * (weights[base + l] ?? 0);
    }
    // Logit = bias + scale * (quantised dot product), then the label's Platt calibration.
    return sums.map((sum, l) => applyPlatt({ a: a[l] ?? 1, b: b[l] ?? 0 }, (bias[l] ?? 0) + (scales[l] ?? 0) * sum));
  };
  return {
    version: header.version,
    artifact,
    probabilities,
    classify(text: string): LabelScore[] {
      const p = probabilities(text);
      return labels.map((label, l) => ({ label, score: p[l] ?? 0 })).sort((x, y) => y.score - x.score || (x.label < y.label ? -1 : 1));
    },
  };
}

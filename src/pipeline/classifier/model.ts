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

export function createClassifier(artifact: ClassifierArtifact): TrainedClassifier {
  const { header, buckets, bias, scales, weights } = artifact;
  const labels = header.labels;
  const L = labels.length;
  const { a, b } = header.calibration;
  const probabilities = (text: string): Float64Array => {
    const config = header.feature_config;
    const features = extractFeatures(text, config, config.lexiconWeight > 0 ? lexiconSignal(text) : undefined);
    // The weight rows of the features pruning kept (a binary search each), with the features' values. Inline, not
    // a small function called per feature: V8 would spend milliseconds optimising that for a one-query process.
    const bases: number[] = [];
    const values: number[] = [];
    for (let k = 0; k < features.buckets.length; k++) {
      const bucket = features.buckets[k]!;
      let low = 0;
      let high = buckets.length - 1;
      while (low <= high) {
        const mid = (low + high) >>> 1;
        const value = buckets[mid]!;
        if (value === bucket) {
          bases.push(mid * L);
          values.push(features.values[k]!);
          break;
        }
        if (value < bucket) low = mid + 1;
        else high = mid - 1;
      }
    }
    const out = new Float64Array(L);
    for (let l = 0; l < L; l++) {
      // Summed feature by feature in bucket order, so the floats come out as ever. A zero weight adds ±0, which never
      // changes a sum started at +0: skipping it spares the (cold, interpreted) loop a boxed number or two.
      let sum = 0;
      for (let j = 0; j < bases.length; j++) {
        const weight = weights[bases[j]! + l]!;
        if (weight !== 0) sum += values[j]! * weight;
      }
      // Logit = bias + scale * (quantised dot product), then the label's Platt calibration.
      out[l] = applyPlatt({ a: a[l] ?? 1, b: b[l] ?? 0 }, (bias[l] ?? 0) + (scales[l] ?? 0) * sum);
    }
    return out;
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

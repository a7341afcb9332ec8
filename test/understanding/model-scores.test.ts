import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/config/package-path.js";
import { applyPlatt } from "../../src/pipeline/classifier/calibration.js";
import { extractFeatures } from "../../src/pipeline/classifier/features.js";
import { lexiconSignal } from "../../src/pipeline/classifier/lexicon-signal.js";
import { loadShippedClassifier } from "../../src/pipeline/classifier/load.js";

const classifier = loadShippedClassifier();
const { header, buckets, bias, scales, weights } = classifier.artifact;
const L = header.labels.length;
const rows = new Map(Array.from(buckets, (bucket, row) => [bucket, row]));

/** The model's definition, written plainly: bias + scale * sum of value * weight over kept features, then Platt. */
function reference(text: string): Float64Array {
  const features = extractFeatures(text, header.feature_config, lexiconSignal(text));
  const sums = new Float64Array(L);
  features.buckets.forEach((bucket, k) => {
    const row = rows.get(bucket);
    if (row === undefined) return;
    for (let l = 0; l < L; l++) sums[l] = (sums[l] ?? 0) + (features.values[k] ?? 0) * (weights[row * L + l] ?? 0);
  });
  const { a, b } = header.calibration;
  return sums.map((sum, l) => applyPlatt({ a: a[l] ?? 1, b: b[l] ?? 0 }, (bias[l] ?? 0) + (scales[l] ?? 0) * sum));
}

const queries = readFileSync(packagePath("fixtures", "training", "hard.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => (JSON.parse(line) as { q: string }).q);

describe("the classifier's scores", () => {
  it("are exactly the plain definition's, to the last bit", () => {
    expect(queries.length).toBeGreaterThan(500);
    for (const text of queries) expect(classifier.probabilities(text), text).toEqual(reference(text));
  });

  it("rank labels by score, ties by name", () => {
    const scores = classifier.classify("so tired and cold, want soup");
    expect(scores).toHaveLength(L);
    for (let i = 1; i < scores.length; i++) {
      const [before, after] = [scores[i - 1], scores[i]];
      expect(before && after && (before.score > after.score || (before.score === after.score && before.label < after.label))).toBe(true);
    }
  });
});

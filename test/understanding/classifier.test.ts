import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deserializeArtifact, readArtifact } from "../../src/pipeline/classifier/artifact.js";
import { serializeArtifact, writeArtifact } from "../../src/pipeline/classifier/artifact-write.js";
import { applyPlatt, fitPlatt } from "../../src/pipeline/classifier/calibration.js";
import { dataHash, type Example, loadTrainingExamples, splitHeldout } from "../../src/pipeline/classifier/data.js";
import { extractFeatures } from "../../src/pipeline/classifier/features.js";
import { expectedCalibrationError } from "../../src/pipeline/classifier/metrics.js";
import { createClassifier } from "../../src/pipeline/classifier/model.js";
import { type TrainOptions, trainClassifier } from "../../src/pipeline/classifier/train.js";
import { isKnownLabel, labelNames } from "../../src/pipeline/taxonomy.js";

const { examples } = loadTrainingExamples(undefined, (label) => isKnownLabel(label));
// A slice keeps the suite fast; the full data is trained by scripts/train-shipped.ts.
const sample = examples.filter((_, i) => i % 4 === 0);
const options: TrainOptions = { labels: labelNames(), epochs: 4, calibrationFolds: 2, now: () => new Date("2025-01-01T00:00:00Z") };

describe("training data", () => {
  it("loads the fixtures sorted, with known labels only", () => {
    expect(examples.length).toBeGreaterThan(1000);
    const sorted = [...examples].sort((a, b) => (a.q < b.q ? -1 : a.q > b.q ? 1 : 0));
    expect(examples).toEqual(sorted);
    for (const example of examples) for (const label of example.labels) expect(isKnownLabel(label)).toBe(true);
  });

  it("holds out about 15% by a hash of the text, the same way every time", () => {
    const { train, heldout } = splitHeldout(examples);
    expect(heldout.length / examples.length).toBeGreaterThan(0.1);
    expect(heldout.length / examples.length).toBeLessThan(0.2);
    expect(
      splitHeldout([...examples].reverse())
        .heldout.map((e) => e.q)
        .sort(),
    ).toEqual(heldout.map((e) => e.q).sort());
    const trainQueries = new Set(train.map((e) => e.q));
    expect(heldout.some((e) => trainQueries.has(e.q))).toBe(false);
  });
});

describe("features", () => {
  it("stay inside the hash space and tolerate typos", () => {
    const a = extractFeatures("so exhausted");
    const b = extractFeatures("so exausted");
    for (const bucket of a.buckets) expect(bucket).toBeLessThan(2 ** 18);
    const shared = [...a.buckets].filter((bucket) => b.buckets.includes(bucket)).length;
    expect(shared / a.buckets.length).toBeGreaterThan(0.5);
  });
});

describe("trainClassifier", () => {
  const first = trainClassifier(sample, options);

  it("is deterministic: same data, same weights byte for byte, same metrics and version", () => {
    const second = trainClassifier(sample, options);
    expect(serializeArtifact(second, "m.bin").blob.equals(serializeArtifact(first, "m.bin").blob)).toBe(true);
    expect(second.header.heldout_metrics).toEqual(first.header.heldout_metrics);
    expect(second.header.version).toBe(first.header.version);
    expect(first.header.version).toMatch(/^mf-[0-9a-f]{8}$/);
  });

  it("changes version when the data changes", () => {
    const fewer = trainClassifier(sample.slice(1), options);
    expect(fewer.header.version).not.toBe(first.header.version);
    expect(fewer.header.data_hash).toBe(dataHash(sample.slice(1)));
  });

  it("never trains on the held-out split", () => {
    const heldout = new Set(splitHeldout(sample).heldout.map((e) => e.q));
    const relabelled: Example[] = sample.map((e) => (heldout.has(e.q) ? { q: e.q, labels: ["cuisine_french"] } : e));
    const other = trainClassifier(relabelled, options);
    expect(Buffer.from(other.weights.buffer).equals(Buffer.from(first.weights.buffer))).toBe(true);
    expect(Buffer.from(other.scales.buffer).equals(Buffer.from(first.scales.buffer))).toBe(true);
    expect(other.header.heldout_metrics).not.toEqual(first.header.heldout_metrics);
  });

  it("round-trips through the header + blob files", () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-model-"));
    const { headerPath } = writeArtifact(dir, first, "model");
    expect(JSON.parse(readFileSync(headerPath, "utf8")).weights.file).toBe("model.bin");
    const loaded = readArtifact(dir, "model");
    const text = "sad and freezing, want soup";
    expect(createClassifier(loaded).classify(text)).toEqual(createClassifier(first).classify(text));
    expect(() => deserializeArtifact(readFileSync(headerPath, "utf8"), new Uint8Array(12))).toThrow(/bytes/);
  });

  it("returns every label with a probability, best first", () => {
    const scores = createClassifier(first).classify("so stressed about work");
    expect(scores).toHaveLength(labelNames().length);
    for (let i = 1; i < scores.length; i++) expect(scores[i - 1]?.score).toBeGreaterThanOrEqual(scores[i]?.score ?? 0);
    for (const { score } of scores) expect(score >= 0 && score <= 1).toBe(true);
  });
});

describe("calibration", () => {
  it("Platt scaling turns overconfident scores into honest probabilities", () => {
    // Scores say +4 whenever the truth is 1 half of the time: the calibrated probability should be ~0.5.
    const scores = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 4 : -4));
    const targets = scores.map((s, i) => (s > 0 ? (i % 4 === 0 ? 1 : 0) : 0));
    const platt = fitPlatt(scores, targets);
    expect(applyPlatt(platt, 4)).toBeGreaterThan(0.4);
    expect(applyPlatt(platt, 4)).toBeLessThan(0.6);
    expect(applyPlatt(platt, -4)).toBeLessThan(0.05);
  });

  it("ECE is zero for perfect calibration and large for overconfidence", () => {
    expect(expectedCalibrationError([0.95, 0.95, 0.05, 0.05], [1, 1, 0, 0])).toBeCloseTo(0.05);
    expect(expectedCalibrationError([0.95, 0.95, 0.95, 0.95], [0, 0, 0, 1])).toBeGreaterThan(0.6);
  });
});

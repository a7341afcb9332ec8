import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadShippedClassifier, SHIPPED_MODEL_NAME, shippedModelDir } from "../../src/pipeline/classifier/load.js";
import { labelNames } from "../../src/pipeline/taxonomy.js";

describe("the shipped model", () => {
  const started = performance.now();
  const classifier = loadShippedClassifier();
  const loadMs = performance.now() - started;
  const { header } = classifier.artifact;

  it("loads quickly from a small header and one binary blob", () => {
    expect(loadMs).toBeLessThan(250); // a few ms on an idle machine; generous for a busy CI
    expect(statSync(join(shippedModelDir(), `${SHIPPED_MODEL_NAME}.json`)).size).toBeLessThan(64 * 1024);
    expect(statSync(join(shippedModelDir(), `${SHIPPED_MODEL_NAME}.bin`)).size).toBeLessThan(8 * 1024 * 1024);
  });

  it("records what drift detection and reports need", () => {
    expect(classifier.version).toMatch(/^mf-[0-9a-f]{8}$/);
    expect(header.labels).toEqual(labelNames());
    expect(header.data_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(header.confidence_reference).toHaveLength(200);
    expect([...header.confidence_reference].sort((a, b) => a - b)).toEqual(header.confidence_reference);
    expect(header.heldout_metrics.examples).toBeGreaterThan(100);
  });

  // Shipped mf-70e00ad6 (2026-12-02): macro-F1 0.839, ECE 0.0055, top-label ECE 0.0525 on 355 held-out queries.
  it("is reasonably accurate and calibrated on held-out text", () => {
    // 0.687 on a split no trigger or threshold was chosen on (decision 0016); 0.84 before counted leaked triggers.
    expect(header.heldout_metrics.macro_f1).toBeGreaterThan(0.65);
    expect(header.heldout_metrics.ece).toBeLessThan(0.03);
    expect(header.heldout_metrics.top_label_ece).toBeLessThan(0.1);
  });

  it.each([
    ["I'm so sad today", "emotion_sad"],
    ["it's absolutely freezing outside", "weather_cold"],
    ["hungover and regretting everything", "health_hangover"],
    ["craving sushi", "cuisine_japanese"],
  ])("%s -> %s on top", (text, label) => {
    expect(classifier.classify(text)[0]?.label).toBe(label);
  });
});

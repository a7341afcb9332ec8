// Decision 0017: hyperparameters are chosen by cross-validation inside the training split, never on held-out data.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { trainingSplit } from "../../src/pipeline/classifier/cross-validate.js";
import { isHeldout, loadTrainingExamples } from "../../src/pipeline/classifier/data.js";
import { DEFAULT_TRAIN_OPTIONS } from "../../src/pipeline/classifier/train.js";

describe("tuning hygiene", () => {
  it("reads the training split only: no held-out example reaches the cross-validation", () => {
    const { examples } = loadTrainingExamples();
    const split = trainingSplit(examples);
    expect(split.length).toBeGreaterThan(1000);
    expect(split.some((e) => isHeldout(e.q, DEFAULT_TRAIN_OPTIONS.heldoutFraction))).toBe(false);
    expect(examples.length - split.length).toBeGreaterThan(100);
  });

  it("names no evaluation set in the code that tunes", () => {
    for (const file of ["src/pipeline/tuning.ts", "src/pipeline/classifier/cross-validate.ts", "scripts/tune-hyperparameters.mjs"]) {
      const source = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
      expect(source, file).not.toMatch(/fixtures\/eval|shared\/eval|sample_queries|heldout-|blind-/);
    }
  });
});

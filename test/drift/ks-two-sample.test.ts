import { describe, expect, it } from "vitest";
import { ksStatisticSorted, ksTwoSample } from "../../src/drift/stats/index.js";
import { expectClose, loadOwnFixture, materialise, type SampleSpec } from "./reference.js";

interface KsCase {
  name: string;
  a: SampleSpec;
  b: SampleSpec;
  statistic: number;
  pvalue: number;
  method: "exact" | "asymptotic";
}

const { cases } = loadOwnFixture<{ cases: KsCase[] }>("ks_cases.json");

describe("ksTwoSample against scipy 1.10 ks_2samp(method='auto')", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const result = ksTwoSample(materialise(c.a), materialise(c.b));
    expectClose(result.statistic, c.statistic, 1e-12);
    expect(result.method).toBe(c.method);
    // README tolerance: 1e-9 relative for p-values above 1e-10.
    expectClose(result.pvalue, c.pvalue, 1e-9, 1e-10);
  });
});

describe("ksTwoSample behaviour", () => {
  it("is symmetric in its two samples", () => {
    const a = [0.1, 0.4, 0.4, 0.8, 0.95];
    const b = [0.2, 0.4, 0.5, 0.6, 0.61, 0.7, 0.99];
    expect(ksTwoSample(a, b)).toEqual(ksTwoSample(b, a));
  });

  it("does not reorder the caller's arrays", () => {
    const a = [0.9, 0.1, 0.5];
    ksTwoSample(a, [0.3, 0.2]);
    expect(a).toEqual([0.9, 0.1, 0.5]);
  });

  it("rejects empty samples and values that are not finite numbers", () => {
    expect(() => ksTwoSample([], [1])).toThrow(/empty/);
    expect(() => ksTwoSample([1, Number.NaN], [1])).toThrow(/not a finite number/);
    expect(() => ksTwoSample([1], [Number.POSITIVE_INFINITY])).toThrow(/not a finite number/);
  });

  it("reports where and in which direction the ECDFs differ most", () => {
    const low = Float64Array.of(1, 2);
    const high = Float64Array.of(3, 4);
    expect(ksStatisticSorted(low, high)).toEqual({ statistic: 1, location: 2, sign: 1 });
    expect(ksStatisticSorted(high, low)).toEqual({ statistic: 1, location: 2, sign: -1 });
  });
});

import { describe, expect, it } from "vitest";
import { chiSquareHomogeneity, chiSquareSf, poolRareCategories } from "../../src/drift/stats/index.js";
import { expectClose, loadOwnFixture } from "./reference.js";

interface Expected {
  labels: string[];
  statistic: number;
  dof: number;
  pvalue: number;
}
interface ChiCase {
  name: string;
  a: Record<string, number>;
  b: Record<string, number>;
  pooled: Expected;
  unpooled: Expected;
}

const fixture = loadOwnFixture<{ cases: ChiCase[]; sf: { x: number; dof: number; sf: number }[] }>("chi_square_cases.json");

describe("chiSquareHomogeneity against scipy chi2_contingency(correction=False)", () => {
  for (const mode of ["pooled", "unpooled"] as const) {
    it.each(fixture.cases.map((c) => [c.name, c] as const))(`${mode}: %s`, (_name, c) => {
      const want = c[mode];
      const got = chiSquareHomogeneity(c.a, c.b, { pool: mode === "pooled" });
      expect(got.labels).toEqual(want.labels);
      expect(got.dof).toBe(want.dof);
      expectClose(got.statistic, want.statistic, 1e-12);
      expectClose(got.pvalue, want.pvalue, 1e-9, 1e-10);
    });
  }
});

describe("chiSquareSf against scipy.stats.chi2.sf", () => {
  it.each(fixture.sf.map((p) => [p.x, p.dof, p] as const))("x=%f dof=%i", (_x, _dof, p) => {
    expectClose(chiSquareSf(p.x, p.dof), p.sf, 1e-9, 1e-10);
  });
});

describe("poolRareCategories", () => {
  it("folds labels with an expected count below 5 into other, merging an existing other", () => {
    const pooled = poolRareCategories({ a: 50, b: 50, c: 1, other: 2 }, { a: 40, b: 60, d: 3 });
    expect(pooled.labels).toEqual(["a", "b", "other"]);
    expect(pooled.countsA).toEqual([50, 50, 3]);
    expect(pooled.countsB).toEqual([40, 60, 3]);
    expect(pooled.pooled).toEqual(["c", "d"]);
  });

  it("keeps a label missing on one side when it is common enough on the other", () => {
    const pooled = poolRareCategories({ a: 50, b: 50 }, { a: 40, b: 40, new_label: 20 });
    expect(pooled.labels).toEqual(["a", "b", "new_label"]);
    expect(pooled.countsA).toEqual([50, 50, 0]);
  });

  it("rejects negative or non-numeric counts", () => {
    expect(() => poolRareCategories({ a: -1 }, { a: 2 })).toThrow(/invalid count/);
  });
});

describe("chiSquareHomogeneity edge cases", () => {
  it("has nothing to test when fewer than two categories remain", () => {
    expect(chiSquareHomogeneity({ a: 10 }, { a: 30 })).toMatchObject({ statistic: 0, dof: 0, pvalue: 1 });
  });

  it("needs at least one label on each side", () => {
    expect(() => chiSquareHomogeneity({}, { a: 3 })).toThrow(/at least one label/);
  });
});

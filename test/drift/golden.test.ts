import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  jsDistance,
  ksTwoSample,
  kstwoSf,
  psi,
  psiBinCounts,
  psiInnerEdges,
  scoreHistogram,
  wasserstein1,
} from "../../src/drift/stats/index.js";
import { roundHalfEven } from "../../src/drift/stats/round-half-even.js";
import { sharedFile } from "../support/shared.js";
import { expectClose, loadGolden } from "./reference.js";

interface Golden {
  a: number[];
  b: number[];
  ks_statistic: number;
  ks_pvalue_auto: number;
  ks_pvalue_asymp: number;
  ks_auto_resolves_to: "exact" | "asymptotic";
  wasserstein: number;
  js_distance_base2_10bins_01: number;
  js_counts_a: number[];
  js_counts_b: number[];
  extra_psi_10_quantile_bins: number;
  extra_psi_inner_edges: number[];
  extra_psi_counts_a: number[];
  extra_psi_counts_b: number[];
}

// Tolerances from shared/fixtures/drift/README.md (copied into fixtures/golden/README.md).
describe.each(["identical_200.json", "medium_1000_vs_1200.json"])("golden vectors %s", (file) => {
  const g = loadGolden<Golden>(file);
  const shared = sharedFile(`fixtures/drift/${file}`, `the check that test/drift/fixtures/golden/${file} still equals the shared copy`);

  it.skipIf(!shared)("the repo's copy holds the same values as the shared file", () => {
    expect(g).toEqual(JSON.parse(readFileSync(shared as string, "utf8")));
  });

  it("KS statistic, p-value and method match ks_2samp(method='auto')", () => {
    const ks = ksTwoSample(g.a, g.b);
    expectClose(ks.statistic, g.ks_statistic, 1e-12);
    expectClose(ks.pvalue, g.ks_pvalue_auto, 1e-9);
    expect(ks.method).toBe(g.ks_auto_resolves_to);
  });

  it("asymptotic p-value matches kstwo.sf(D, round(n1*n2/(n1+n2)))", () => {
    const n = roundHalfEven((g.a.length * g.b.length) / (g.a.length + g.b.length));
    expectClose(kstwoSf(g.ks_statistic, n), g.ks_pvalue_asymp, 1e-9);
  });

  it("Wasserstein-1 matches scipy", () => {
    expectClose(wasserstein1(g.a, g.b), g.wasserstein, 1e-9, 1e-15);
  });

  it("JS distance and its bin counts match", () => {
    expect(Array.from(scoreHistogram(g.a))).toEqual(g.js_counts_a);
    expect(Array.from(scoreHistogram(g.b))).toEqual(g.js_counts_b);
    expectClose(jsDistance(g.a, g.b), g.js_distance_base2_10bins_01, 1e-9, 1e-15);
  });

  it("PSI, its decile edges and bin counts match", () => {
    const sortedA = Float64Array.from(g.a).sort();
    const edges = psiInnerEdges(sortedA);
    expect(Array.from(edges)).toEqual(g.extra_psi_inner_edges);
    expect(Array.from(psiBinCounts(sortedA, edges))).toEqual(g.extra_psi_counts_a);
    expect(Array.from(psiBinCounts(Float64Array.from(g.b).sort(), edges))).toEqual(g.extra_psi_counts_b);
    expectClose(psi(g.a, g.b), g.extra_psi_10_quantile_bins, 1e-9, 1e-15);
  });
});

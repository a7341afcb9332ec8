import type { CliContext } from "../context.js";

interface CompareLike {
  n_baseline: number;
  n_current: number;
  ks: { statistic: number; pvalue: number; method: string };
  wasserstein: number;
  js_distance: number;
  psi: number;
}

export function renderCompare(r: CompareLike, _ctx: CliContext): string {
  return [
    `baseline n=${r.n_baseline}  current n=${r.n_current}`,
    `KS          D=${r.ks.statistic.toPrecision(6)}  p=${r.ks.pvalue.toPrecision(6)} (${r.ks.method})`,
    `Wasserstein ${r.wasserstein.toPrecision(6)}`,
    `JS distance ${r.js_distance.toPrecision(6)} (base 2, 10 bins on [0,1])`,
    `PSI         ${r.psi.toPrecision(6)} (10 baseline-quantile bins)`,
    "",
  ].join("\n");
}

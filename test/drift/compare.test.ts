import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDriftCompare } from "../../src/drift/compare.js";
import { UserError } from "../../src/errors.js";
import { expectClose, loadGolden } from "./reference.js";

interface Golden {
  a: number[];
  b: number[];
  ks_statistic: number;
  ks_pvalue_auto: number;
  wasserstein: number;
  js_distance_base2_10bins_01: number;
  extra_psi_10_quantile_bins: number;
}

const dir = mkdtempSync(join(tmpdir(), "moodfood-compare-"));

describe("runDriftCompare", () => {
  const g = loadGolden<Golden>("medium_1000_vs_1200.json");
  const baselinePath = join(dir, "baseline.txt");
  const currentPath = join(dir, "current.json");
  // Baseline one number per line, current as a JSON array: both formats in one run.
  writeFileSync(baselinePath, `${g.a.map(String).join("\n")}\n`);
  writeFileSync(currentPath, JSON.stringify(g.b));

  it("computes every statistic of the golden vectors from files", async () => {
    const r = await runDriftCompare({ baselinePath, currentPath });
    expect(r.n_baseline).toBe(1000);
    expect(r.n_current).toBe(1200);
    expect(r.ks.method).toBe("exact");
    expectClose(r.ks.statistic, g.ks_statistic, 1e-12);
    expectClose(r.ks.pvalue, g.ks_pvalue_auto, 1e-9);
    expectClose(r.wasserstein, g.wasserstein, 1e-9);
    expectClose(r.js_distance, g.js_distance_base2_10bins_01, 1e-9);
    expectClose(r.psi, g.extra_psi_10_quantile_bins, 1e-9);
  });

  it("states the convention of each statistic in the result", async () => {
    const r = await runDriftCompare({ baselinePath, currentPath });
    expect(Object.keys(r.conventions).sort()).toEqual(["js_distance", "ks", "psi", "wasserstein"]);
    expect(r.conventions.ks).toContain("kstwo.sf(D, round(n1*n2/(n1+n2)))");
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("compares baseline to current, not the other way round (PSI is asymmetric)", async () => {
    const forward = await runDriftCompare({ baselinePath, currentPath });
    const backward = await runDriftCompare({ baselinePath: currentPath, currentPath: baselinePath });
    expect(backward.ks.statistic).toBe(forward.ks.statistic);
    expect(backward.psi).not.toBe(forward.psi);
  });

  it("fails with a UserError naming the bad file", async () => {
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, "0.1\nfoo\n");
    await expect(runDriftCompare({ baselinePath, currentPath: bad })).rejects.toThrow(UserError);
    await expect(runDriftCompare({ baselinePath, currentPath: bad })).rejects.toThrow(`${bad}: line 2: "foo" is not a number.`);
  });
});

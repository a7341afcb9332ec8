import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGolden } from "../drift/reference.js";
import { moodfood } from "./cli.js";

interface Golden {
  a: number[];
  b: number[];
  ks_statistic: number;
  ks_pvalue_auto: number;
  wasserstein: number;
  js_distance_base2_10bins_01: number;
  extra_psi_10_quantile_bins: number;
}
const golden = loadGolden<Golden>("medium_1000_vs_1200.json");

describe("moodfood drift compare (built bin)", () => {
  const dir = mkdtempSync(join(tmpdir(), "mf-compare-"));
  const a = join(dir, "a.json");
  const b = join(dir, "b.txt");
  writeFileSync(a, JSON.stringify(golden.a));
  writeFileSync(b, golden.b.join("\n"));

  it("prints the contract JSON with scipy's values for the golden vectors", () => {
    const run = moodfood(["drift", "compare", a, b, "--json"]);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ n_baseline: 1000, n_current: 1200, ks: { method: "exact" } });
    expect(out.ks.statistic).toBeCloseTo(golden.ks_statistic, 12);
    expect(Math.abs(out.ks.pvalue / golden.ks_pvalue_auto - 1)).toBeLessThan(1e-9);
    expect(out.wasserstein).toBeCloseTo(golden.wasserstein, 9);
    expect(out.js_distance).toBeCloseTo(golden.js_distance_base2_10bins_01, 9);
    expect(out.psi).toBeCloseTo(golden.extra_psi_10_quantile_bins, 9);
    expect(Object.keys(out.conventions)).toEqual(expect.arrayContaining(["ks", "psi"]));
  });

  it.each([
    ["a non-number", "0.1\nabc\n0.3\n", /line 2/],
    ["NaN", "[0.1, NaN]", /not/i],
    ["an empty file", "", /empty/i],
  ])("rejects %s with one line and exit 1", (_name, content, message) => {
    const bad = join(dir, `bad-${Math.random()}.txt`);
    writeFileSync(bad, content);
    const run = moodfood(["drift", "compare", a, bad]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("names a missing file", () => {
    const run = moodfood(["drift", "compare", a, join(dir, "nope.txt")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nope\.txt/);
  });
});

import { describe, expect, it } from "vitest";
import { createRng, weightedPick } from "../../src/simulate/prng.js";

const draw = (seed: string, n = 5) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe("seeded PRNG", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    expect(draw("42")).toEqual(draw("42"));
    expect(draw("42")).not.toEqual(draw("43"));
  });

  it("gives independent forks that do not depend on draws made elsewhere", () => {
    const a = createRng("s");
    const b = createRng("s");
    b.next();
    b.next();
    expect(a.fork("day-1").next()).toBe(b.fork("day-1").next());
    expect(a.fork("day-1").next()).not.toBe(a.fork("day-2").next());
  });

  it("is uniform enough: mean near 0.5 and every decile used", () => {
    const rng = createRng("uniform");
    const deciles = new Array(10).fill(0);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rng.next();
      sum += x;
      deciles[Math.floor(x * 10)]++;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    for (const count of deciles) expect(count).toBeGreaterThan(1_800);
  });

  it("picks by weight and never picks a zero weight", () => {
    const rng = createRng("w");
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) counts[weightedPick(rng, ["a", "b", "never"] as const, (x) => (x === "a" ? 3 : x === "b" ? 1 : 0))]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });
});

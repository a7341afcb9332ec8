import { describe, expect, it } from "vitest";
import { LlmCallError } from "../../src/pipeline/llm-call.js";
import type { LlmProvider, ParsedQuery } from "../../src/pipeline/types.js";
import { failingProvider } from "../../src/simulate/failing-provider.js";
import { createRng } from "../../src/simulate/prng.js";

const query: ParsedQuery = { text: "sad", truncated: false, diets: [], allergens: [], negatedLabels: [] };
const healthy: LlmProvider = {
  name: "local",
  model: "fake-1",
  parse: async () => ({ labels: ["emotion_sad"], confidence: 0.9, model: "fake-1", inputTokens: 3, outputTokens: 4 }),
};

/** Calls the provider n times; returns the failure reason of each call, or "ok". */
async function outcomes(provider: LlmProvider, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    try {
      await provider.parse(query);
      out.push("ok");
    } catch (error) {
      expect(error).toBeInstanceOf(LlmCallError);
      out.push((error as LlmCallError).reason);
    }
  }
  return out;
}

const longestFailureRun = (xs: string[]) =>
  xs.reduce((acc, x) => ({ run: x === "ok" ? 0 : acc.run + 1, best: Math.max(acc.best, x === "ok" ? 0 : acc.run + 1) }), {
    run: 0,
    best: 0,
  }).best;

describe("failing provider", () => {
  it("fails at the given rate on average, with reasons from the fixed set", async () => {
    const results = await outcomes(failingProvider(healthy, 0.05, createRng("rate")), 40_000);
    const failed = results.filter((r) => r !== "ok");
    expect(failed.length / results.length).toBeGreaterThan(0.04);
    expect(failed.length / results.length).toBeLessThan(0.06);
    expect(new Set(failed)).toEqual(new Set(["timeout", "http_5xx", "http_4xx", "network", "invalid_output"]));
  });

  it("has outages: runs of consecutive failures long enough to open a breaker", async () => {
    expect(longestFailureRun(await outcomes(failingProvider(healthy, 0.03, createRng("burst")), 20_000))).toBeGreaterThanOrEqual(5);
  });

  it("never fails at rate 0 and always fails at rate 1", async () => {
    expect(new Set(await outcomes(failingProvider(healthy, 0, createRng("zero")), 500))).toEqual(new Set(["ok"]));
    expect((await outcomes(failingProvider(healthy, 1, createRng("one")), 500)).includes("ok")).toBe(false);
  });
});

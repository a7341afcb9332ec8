import { describe, expect, it } from "vitest";
import { LlmCallError } from "../../src/pipeline/llm-call.js";
import { CIRCUIT_OPENINGS, FAILURES_TO_OPEN, OPEN_MS, withCircuitBreaker } from "../../src/pipeline/providers/circuit-breaker.js";
import type { LlmProvider, ParsedQuery } from "../../src/pipeline/types.js";
import { openTestStore } from "../support/test-store.js";

// The weekly report and Prometheus say how often the circuit opened: each opening from closed is counted once.
describe("circuit openings", () => {
  it("counts one opening per trip from closed, none for a failed probe that keeps it open", async () => {
    const store = await openTestStore();
    let t = Date.UTC(2026, 10, 20, 12);
    let fail = true;
    const provider: LlmProvider = {
      name: "openai",
      model: "m",
      parse: async () => {
        if (fail) throw new LlmCallError("http_5xx", "down");
        return { labels: ["emotion_sad"], confidence: 0.9, model: "m", inputTokens: 1, outputTokens: 1 };
      },
    };
    const breaker = withCircuitBreaker(provider, store, () => t);
    const call = () => breaker.parse({ text: "sad" } as ParsedQuery, new AbortController().signal).catch(() => undefined);
    const openings = async () => (await store.rollups.counterTotals()).find((c) => c.name === CIRCUIT_OPENINGS)?.value ?? 0;
    for (let i = 0; i < FAILURES_TO_OPEN; i++) await call();
    expect(await openings()).toBe(1);
    t += OPEN_MS + 1;
    await call(); // the half-open probe fails: still the same outage
    expect(await openings()).toBe(1);
    t += OPEN_MS + 1;
    fail = false;
    await call(); // the probe succeeds: closed
    fail = true;
    for (let i = 0; i < FAILURES_TO_OPEN; i++) await call();
    expect(await openings()).toBe(2);
    await store.close();
  });
});

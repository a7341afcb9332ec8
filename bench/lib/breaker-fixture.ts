// The circuit breaker as shipped, and the breaker as it was before decision 0020 (two IMMEDIATE
// transactions per call even while closed), over one instant provider, for llm-breaker.bench.mjs.

import { circuitKey, readCircuit, withCircuitBreaker } from "../../src/pipeline/providers/circuit-breaker.js";
import type { LlmProvider } from "../../src/pipeline/types.js";
import { openStore, type Store } from "../../src/store/store.js";

export { openStore, withCircuitBreaker };

export const instant: LlmProvider = {
  name: "openai",
  model: "bench-model",
  parse: async () => ({ labels: ["emotion_sad"], confidence: 0.9, model: "bench-model", inputTokens: 1, outputTokens: 1 }),
};

/** The previous breaker's closed-circuit path: admit under the write lock, then save CLOSED under it again. */
export function lockingBreaker(provider: LlmProvider, store: Store): LlmProvider {
  const key = circuitKey(provider.model);
  return {
    name: provider.name,
    model: provider.model,
    async parse(query, signal) {
      await store.transaction(async () => store.meta.set(key, await readCircuit(store, provider.model), Date.now()));
      const result = await provider.parse(query, signal);
      await store.transaction(() => store.meta.set(key, { failures: 0, openedAt: null, probeAt: null }, Date.now()));
      return result;
    },
  };
}

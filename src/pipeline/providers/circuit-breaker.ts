import type { Store } from "../../store/store.js";
import { LlmCallError } from "../llm-call.js";
import type { LlmProvider } from "../types.js";

export const FAILURES_TO_OPEN = 5;
export const OPEN_MS = 60_000;

export interface CircuitState {
  failures: number;
  /** When the circuit opened (epoch ms), or null while closed. */
  openedAt: number | null;
  /** A half-open probe in flight since this time, or null. */
  probeAt: number | null;
}

const CLOSED: CircuitState = { failures: 0, openedAt: null, probeAt: null };
export const circuitKey = (model: string) => `llm.circuit.${model}`;

/** Reads the shared circuit state (in the store, so every process sees the same breaker). */
export function readCircuit(store: Store, model: string): CircuitState {
  return store.meta.get<CircuitState>(circuitKey(model))?.value ?? CLOSED;
}

/** Decides, atomically across processes, whether a call may go out now. */
function admit(state: CircuitState, t: number): { admitted: boolean; next: CircuitState } {
  if (state.openedAt === null) return { admitted: true, next: state };
  const cooledDown = t - state.openedAt >= OPEN_MS;
  const probeFree = state.probeAt === null || t - state.probeAt > OPEN_MS; // a crashed probe does not block forever
  if (cooledDown && probeFree) return { admitted: true, next: { ...state, probeAt: t } };
  return { admitted: false, next: state };
}

/** Opens after 5 consecutive failures, stays open 60 s, then lets one half-open probe through. */
export function withCircuitBreaker(provider: LlmProvider, store: Store, now: () => number = Date.now): LlmProvider {
  const key = circuitKey(provider.model);
  const save = (state: CircuitState) => store.meta.set(key, state, now());

  return {
    name: provider.name,
    model: provider.model,
    async parse(query, signal) {
      const admitted = store.transaction(() => {
        const decision = admit(readCircuit(store, provider.model), now());
        save(decision.next);
        return decision.admitted;
      });
      if (!admitted) throw new LlmCallError("circuit_open", `LLM circuit for ${provider.model} is open`);
      try {
        const result = await provider.parse(query, signal);
        store.transaction(() => save(CLOSED));
        return result;
      } catch (error) {
        store.transaction(() => {
          const state = readCircuit(store, provider.model);
          const failures = state.failures + 1;
          const open = state.openedAt !== null || failures >= FAILURES_TO_OPEN; // a failed probe re-opens
          save({ failures, openedAt: open ? now() : null, probeAt: null });
        });
        throw error;
      }
    },
  };
}

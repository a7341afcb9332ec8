import type { Store } from "../../store/store.js";
import { LlmCallError } from "../llm-call.js";
import type { LlmProvider } from "../types.js";

export const FAILURES_TO_OPEN = 5;
export const CIRCUIT_OPENINGS = "moodfood_llm_circuit_openings_total";
export const OPEN_MS = 60_000;
/** How long a probe's admission waits for another process's write lock before the call counts as rejected. */
const ADMIT_PATIENCE_MS = 1000;

export interface CircuitState {
  failures: number;
  /** When the circuit opened (epoch ms), or null while closed. */
  openedAt: number | null;
  /** A half-open probe in flight since this time, or null. */
  probeAt: number | null;
}

const CLOSED: CircuitState = { failures: 0, openedAt: null, probeAt: null };
export const circuitKey = (model: string) => `llm.circuit.${model}`;

/** Reads the shared circuit state (in the store, so every process sees the same breaker); one SELECT, no lock. */
export async function readCircuit(store: Store, model: string): Promise<CircuitState> {
  return ((await store.meta.get(circuitKey(model)))?.value as CircuitState | undefined) ?? CLOSED;
}

const isClean = (state: CircuitState) => state.failures === 0 && state.openedAt === null && state.probeAt === null;

/** Whether a call may go out now, and the state that says so (a claimed probe). */
function admit(state: CircuitState, t: number): { admitted: boolean; next: CircuitState } {
  if (state.openedAt === null) return { admitted: true, next: state };
  const cooledDown = t - state.openedAt >= OPEN_MS;
  const probeFree = state.probeAt === null || t - state.probeAt > OPEN_MS; // a crashed probe does not block forever
  if (cooledDown && probeFree) return { admitted: true, next: { ...state, probeAt: t } };
  return { admitted: false, next: state };
}

/**
 * Opens after 5 consecutive failures, stays open 60 s, then lets one half-open probe through.
 * While closed a call only reads the state; the write lock is taken only to change it (a failure, the first
 * success after failures, claiming a probe), so a healthy endpoint costs no lock per query (decision 0020).
 * Writes go through writeWhenFree: on the server's store they never block the event loop.
 */
export function withCircuitBreaker(provider: LlmProvider, store: Store, now: () => number = Date.now): LlmProvider {
  const key = circuitKey(provider.model);
  const read = () => readCircuit(store, provider.model);
  const save = (state: CircuitState) => store.meta.set(key, state, now());
  const change = <T>(fn: () => Promise<T>, patienceMs?: number) => store.writeWhenFree(() => store.transaction(fn), patienceMs);

  async function admitted(): Promise<boolean> {
    const seen = await read();
    if (seen.openedAt === null) return true;
    if (!admit(seen, now()).admitted) return false;
    // Claiming the probe is read-modify-write under the lock, so exactly one process wins it.
    return change(async () => {
      const decision = admit(await read(), now());
      if (decision.admitted) await save(decision.next);
      return decision.admitted;
    }, ADMIT_PATIENCE_MS).catch(() => false);
  }

  return {
    name: provider.name,
    model: provider.model,
    async parse(query, signal) {
      if (!(await admitted())) throw new LlmCallError("circuit_open", `LLM circuit for ${provider.model} is open`);
      let result: Awaited<ReturnType<LlmProvider["parse"]>>;
      try {
        result = await provider.parse(query, signal);
      } catch (error) {
        // Losing one count to a locked store must never replace the LLM's own error.
        await change(async () => {
          const state = await read();
          const failures = state.failures + 1;
          const open = state.openedAt !== null || failures >= FAILURES_TO_OPEN; // a failed probe re-opens
          await save({ failures, openedAt: open ? now() : null, probeAt: null });
          // Each opening from closed is counted (hourly rollup), so reports and Prometheus can say how often it opened.
          if (open && state.openedAt === null)
            await store.rollups.apply([{ name: CIRCUIT_OPENINGS, labels: { model: provider.model }, value: 1 }], [], now());
        }).catch(() => {});
        throw error;
      }
      if (!isClean(await read())) await change(() => save(CLOSED)).catch(() => {});
      return result;
    },
  };
}

import { LlmCallError, type LlmReason } from "../pipeline/llm-call.js";
import type { LlmParse, LlmProvider, ParsedQuery } from "../pipeline/types.js";
import { type Rng, weightedPick } from "./prng.js";

type FailureReason = Exclude<LlmReason, "ok" | "circuit_open">;

// Real endpoints fail in two ways: scattered errors, and outages where most calls fail in a row
// (which is what opens a circuit breaker). A share of the failure rate comes from outages.
// Short, frequent outages keep each day's failure count close to the rate (stationary days stay alike).
const OUTAGE_SHARE = 0.3;
const OUTAGE_MEAN_CALLS = 8;
const OUTAGE_FAILURE_P = 0.9;

const OUTAGE_REASONS: readonly [FailureReason, number][] = [
  ["http_5xx", 0.5],
  ["timeout", 0.4],
  ["network", 0.1],
];
const SCATTERED_REASONS: readonly [FailureReason, number][] = [
  ["timeout", 0.4],
  ["http_5xx", 0.25],
  ["invalid_output", 0.2],
  ["http_4xx", 0.1],
  ["network", 0.05],
];

const MESSAGES: Record<FailureReason, string> = {
  timeout: "LLM call exceeded its time budget (simulated)",
  http_5xx: "LLM endpoint answered 503 Service Unavailable (simulated)",
  http_4xx: "LLM endpoint answered 429 Too Many Requests (simulated)",
  network: "LLM endpoint unreachable: ECONNRESET (simulated)",
  invalid_output: "LLM answer was not the JSON the prompt asks for (simulated)",
};

/** Wraps a provider so that, on average, `rate` of its calls fail with a realistic reason. */
export function failingProvider(inner: LlmProvider, rate: number, rng: Rng): LlmProvider {
  if (rate <= 0) return inner;
  const outageFailureP = Math.max(OUTAGE_FAILURE_P, rate);
  const outageShare = (rate * OUTAGE_SHARE) / outageFailureP; // stationary share of calls inside an outage
  const scatteredP = Math.min(1, (rate * (1 - OUTAGE_SHARE)) / (1 - outageShare));
  const leaveP = 1 / OUTAGE_MEAN_CALLS;
  const enterP = (outageShare * leaveP) / (1 - outageShare);
  let inOutage = false;

  return {
    name: inner.name,
    model: inner.model,
    async parse(query: ParsedQuery, signal?: AbortSignal): Promise<LlmParse> {
      inOutage = inOutage ? !rng.chance(leaveP) : rng.chance(enterP);
      const fails = rng.chance(inOutage ? outageFailureP : scatteredP);
      if (!fails) return inner.parse(query, signal);
      const reason = weightedPick(rng, inOutage ? OUTAGE_REASONS : SCATTERED_REASONS, ([, w]) => w)[0];
      throw new LlmCallError(reason, MESSAGES[reason]);
    },
  };
}

import { LlmCallError } from "../llm-call.js";

/**
 * The wait a `Retry-After` header asks for, in ms (RFC 9110 §10.2.3: delay-seconds or an HTTP-date),
 * or undefined when the header is absent or unreadable (the caller then backs off as usual).
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  // An HTTP-date names a weekday and a zone; a bare number with a sign or a fraction is not one.
  if (Number.isNaN(at) || !/[a-z]/i.test(value)) return undefined;
  return Math.max(0, at - now);
}

export const MAX_ATTEMPTS = 3;

export type RetryPlan = { retry: true; waitMs: number } | { retry: false; error: unknown };

/**
 * Whether the failed attempt `n` is tried again, and after how long: an endpoint's Retry-After is honoured
 * (429, 503), other 5xx and network errors back off exponentially with full jitter; nothing waits past the
 * deadline of the whole llm_call stage. A Retry-After beyond it fails now, saying so.
 */
export function planRetry(error: unknown, n: number, deadline: number, maxAttempts = MAX_ATTEMPTS, now = Date.now()): RetryPlan {
  if (!(error instanceof LlmCallError) || n >= maxAttempts) return { retry: false, error };
  const { status, retryAfterMs } = error.details;
  const asked = retryAfterMs !== undefined;
  if (!asked && error.reason !== "http_5xx" && error.reason !== "network" && status !== 429) return { retry: false, error };
  const waitMs = asked ? retryAfterMs : Math.random() * 100 * 2 ** (n - 1);
  if (now + waitMs < deadline) return { retry: true, waitMs };
  if (!asked) return { retry: false, error };
  const budget = `${Math.max(0, Math.round(deadline - now))} ms left of the llm_call budget (MOODFOOD_LLM_TIMEOUT_MS)`;
  return {
    retry: false,
    error: new LlmCallError(error.reason, `${error.message}, Retry-After ${Math.ceil(retryAfterMs / 1000)} s is past the ${budget}`, {
      ...error.details,
    }),
  };
}

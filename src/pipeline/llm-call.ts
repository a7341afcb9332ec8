import type { LlmParse, LlmProvider, ParsedQuery } from "./types.js";

/** Reasons an LLM call ends, a small fixed set (the `reason` label of moodfood_llm_api_calls_total). */
export type LlmReason = "ok" | "timeout" | "http_4xx" | "http_5xx" | "network" | "invalid_output" | "circuit_open";

export interface LlmCallDetails {
  /** The endpoint's HTTP status, when it answered. */
  status?: number;
  /** What the endpoint's `Retry-After` asked for, in ms. */
  retryAfterMs?: number;
}

export class LlmCallError extends Error {
  constructor(
    readonly reason: Exclude<LlmReason, "ok">,
    message: string,
    readonly details: LlmCallDetails = {},
  ) {
    super(message);
    this.name = "LlmCallError";
  }
  get code(): string {
    return this.reason;
  }
}

/** Runs the provider within the stage budget; any failure becomes an LlmCallError with a reason. */
export async function callProvider(provider: LlmProvider, query: ParsedQuery, timeoutMs: number): Promise<LlmParse> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new LlmCallError("timeout", `LLM call exceeded ${timeoutMs} ms`));
    }, timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([provider.parse(query, controller.signal), timeout]);
  } catch (error) {
    if (error instanceof LlmCallError) throw error;
    throw new LlmCallError("invalid_output", error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

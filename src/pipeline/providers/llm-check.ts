// `moodfood llm check`: one live call to the configured provider, outside the circuit breaker.

import type { Config } from "../../config/settings.js";
import { callProvider, LlmCallError, type LlmReason } from "../llm-call.js";
import { CORE_LABELS } from "../taxonomy.js";
import type { LlmParse, LlmProvider } from "../types.js";
import { validateLabels } from "../validate.js";
import { type CircuitState, OPEN_MS } from "./circuit-breaker.js";
import { createLocalProvider } from "./local.js";
import { createOpenAiProvider } from "./openai.js";

export const PROBE_TEXT = "I'm tired and it's cold";

export interface CircuitView {
  state: "closed" | "open" | "half_open";
  failures: number;
  opened_at: string | null;
}

export interface LlmCheckResult {
  ok: boolean;
  provider: "local" | "openai";
  local: boolean;
  model: string;
  /** The endpoint called, without credentials (null for local). */
  endpoint: string | null;
  api_key: "set" | "not set" | null;
  latency_ms: number;
  timeout_ms: number;
  /** The reply was the contract JSON and every label is a taxonomy label. */
  validated: boolean;
  labels: string[];
  rejected_labels: string[];
  confidence: number | null;
  reason: LlmReason;
  http_status: number | null;
  retry_after_ms: number | null;
  /** The one line that says what happened. */
  message: string;
  /** The shared circuit as the store holds it (read only; the check never changes it), null when unknown. */
  circuit: CircuitView | null;
}

export interface LlmCheckDeps {
  config: Config;
  /** The stored circuit state for a model, or undefined when the store cannot be read. */
  readCircuit: (model: string) => Promise<CircuitState | undefined>;
  now?: () => number;
  fetch?: typeof fetch;
}

/** Makes exactly one call (no retry, no breaker) and judges its output against the taxonomy. */
export async function runLlmCheck(deps: LlmCheckDeps): Promise<LlmCheckResult> {
  const { config } = deps;
  const local = config.llmProvider === "local";
  const provider: LlmProvider = local
    ? createLocalProvider()
    : createOpenAiProvider({
        baseUrl: config.llmBaseUrl,
        apiKey: config.llmApiKey,
        model: config.llmModel,
        timeoutMs: config.llmTimeoutMs,
        labels: CORE_LABELS,
        maxAttempts: 1,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      });
  const endpoint = local ? null : displayUrl(config.llmBaseUrl);
  const started = performance.now();
  let reply: LlmParse | undefined;
  let failure: LlmCallError | undefined;
  try {
    reply = await callProvider(
      provider,
      { text: PROBE_TEXT, truncated: false, diets: [], allergens: [], negatedLabels: [] },
      config.llmTimeoutMs,
    );
  } catch (error) {
    failure = error instanceof LlmCallError ? error : new LlmCallError("invalid_output", String(error));
  }
  const latency = Math.round(performance.now() - started);
  const { labels, rejected } = validateLabels(reply?.labels ?? []);
  const circuit = local ? undefined : await deps.readCircuit(provider.model);
  const validated = reply !== undefined && rejected.length === 0;
  const reason: LlmReason = failure?.reason ?? (validated ? "ok" : "invalid_output");
  return {
    ok: reason === "ok",
    provider: local ? "local" : "openai",
    local,
    model: provider.model,
    endpoint,
    api_key: local ? null : config.llmApiKey.trim() === "" ? "not set" : "set",
    latency_ms: latency,
    timeout_ms: config.llmTimeoutMs,
    validated,
    labels,
    rejected_labels: rejected,
    confidence: reply?.confidence ?? null,
    reason,
    http_status: failure?.details.status ?? null,
    retry_after_ms: failure?.details.retryAfterMs ?? null,
    message: local
      ? `local provider (offline lexicon parser ${provider.model}): answered in ${latency} ms, no endpoint to call`
      : describe({ reason, failure, endpoint: endpoint as string, latency, model: provider.model, labels, rejected, config }),
    circuit: local ? null : circuitView(circuit, (deps.now ?? Date.now)()),
  };
}

interface Outcome {
  reason: LlmReason;
  failure: LlmCallError | undefined;
  endpoint: string;
  latency: number;
  model: string;
  labels: string[];
  rejected: string[];
  config: Config;
}

function describe({ reason, failure, endpoint, latency, model, labels, rejected, config }: Outcome): string {
  const status = failure?.details.status;
  const wait = failure?.details.retryAfterMs;
  switch (reason) {
    case "ok":
      return `${endpoint} answered in ${latency} ms with valid output from ${model}: ${labels.join(", ") || "no labels"}`;
    case "timeout":
      return `timeout: ${endpoint} did not answer within ${config.llmTimeoutMs} ms (MOODFOOD_LLM_TIMEOUT_MS)`;
    case "http_4xx":
    case "http_5xx":
      return `HTTP ${status ?? "error"} from ${endpoint} after ${latency} ms${hint(status, wait)}`;
    case "invalid_output":
      return rejected.length > 0
        ? `invalid output from ${model}: labels outside the taxonomy: ${rejected.join(", ")}`
        : `invalid output from ${model}: ${failure?.message ?? "not the contract JSON"} (expected {"labels": [...], "confidence": n})`;
    default:
      return `${reason}: ${failure?.message ?? "the call failed"}`;
  }
}

function hint(status: number | undefined, retryAfterMs: number | undefined): string {
  if (status === 401 || status === 403) return ": check MOODFOOD_LLM_API_KEY";
  if (status === 404) return ": check MOODFOOD_LLM_BASE_URL and MOODFOOD_LLM_MODEL";
  if (status === 429)
    return retryAfterMs === undefined ? " (rate limited)" : ` (rate limited; Retry-After ${Math.ceil(retryAfterMs / 1000)} s)`;
  return "";
}

/** The URL without user:password (which some proxies carry) or query string. */
function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return "(invalid MOODFOOD_LLM_BASE_URL)";
  }
}

function circuitView(state: CircuitState | undefined, now: number): CircuitView | null {
  if (!state) return null;
  const opened = state.openedAt;
  return {
    state: opened === null ? "closed" : now - opened >= OPEN_MS ? "half_open" : "open",
    failures: state.failures,
    opened_at: opened === null ? null : new Date(opened).toISOString(),
  };
}

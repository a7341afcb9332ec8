import { OPEN_MS, readCircuit } from "../../pipeline/providers/circuit-breaker.js";
import type { LlmProvider } from "../../pipeline/types.js";
import { type CheckResult, type HealthInputs, notChecked, storeOf } from "../types.js";

/** How long --deep waits for the live call (the configured stage budget, at most this). */
export const DEEP_CALL_TIMEOUT_MS = 5000;

/** llm: configured, circuit state; with --deep one live call. The local provider needs none of it. */
export async function llmChecks(inputs: HealthInputs, liveProvider?: () => Promise<LlmProvider>): Promise<CheckResult[]> {
  const { config } = inputs;
  if (config.llmProvider === "local") {
    return [
      {
        component: "llm",
        measurement: "configured",
        status: "pass",
        observed_value: "local",
        output: "local provider (offline): no endpoint to reach",
      },
    ];
  }
  const checks: CheckResult[] = [configured(inputs)];
  const store = storeOf(inputs);
  if (!store) checks.push(notChecked("llm", "circuit", "the circuit state lives in the store, which cannot be read"));
  else {
    const state = await readCircuit(store, config.llmModel);
    const open = state.openedAt !== null;
    checks.push({
      component: "llm",
      measurement: "circuit",
      status: open ? "warn" : "pass",
      observed_value: open ? "open" : "closed",
      output: open
        ? `circuit for ${config.llmModel} open since ${new Date(state.openedAt as number).toISOString()} after ${state.failures} failed calls; queries fall back to the classifier${inputs.now - (state.openedAt as number) >= OPEN_MS ? " (next query probes the endpoint)" : ""}`
        : `circuit for ${config.llmModel} closed${state.failures > 0 ? ` (${state.failures} failed call${state.failures === 1 ? "" : "s"} in a row)` : ""}`,
    });
  }
  if (inputs.deep && liveProvider) checks.push(await liveCall(inputs, await liveProvider()));
  return checks;
}

function configured(inputs: HealthInputs): CheckResult {
  const { llmBaseUrl, llmApiKey, llmModel } = inputs.config;
  let host: string;
  try {
    host = new URL(llmBaseUrl).host;
  } catch {
    return {
      component: "llm",
      measurement: "configured",
      status: "fail",
      observed_value: false,
      output: `MOODFOOD_LLM_BASE_URL "${llmBaseUrl}" is not a URL`,
    };
  }
  const needsKey = host === "api.openai.com" && llmApiKey === "";
  return {
    component: "llm",
    measurement: "configured",
    status: needsKey ? "warn" : "pass",
    observed_value: host,
    output: needsKey ? `${host} needs MOODFOOD_LLM_API_KEY, which is not set` : `openai-compatible endpoint ${host}, model ${llmModel}`,
  };
}

/** One real call outside the circuit breaker, so the check itself never opens or closes the circuit. */
async function liveCall(inputs: HealthInputs, provider: LlmProvider): Promise<CheckResult> {
  const timeout = Math.min(inputs.config.llmTimeoutMs, DEEP_CALL_TIMEOUT_MS);
  const started = performance.now();
  try {
    const reply = await provider.parse(
      { text: "I'm tired and it's cold", truncated: false, diets: [], allergens: [], negatedLabels: [] },
      AbortSignal.timeout(timeout),
    );
    const ms = Math.round(performance.now() - started);
    return {
      component: "llm",
      measurement: "live_call",
      status: "pass",
      observed_value: ms,
      observed_unit: "ms",
      output: `live call answered in ${ms} ms (${reply.labels.length} labels)`,
    };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const message = error instanceof Error ? error.message : String(error);
    return {
      component: "llm",
      measurement: "live_call",
      status: "warn",
      observed_value: ms,
      observed_unit: "ms",
      output: `live call failed after ${ms} ms: ${message}; queries fall back to the classifier`,
    };
  }
}

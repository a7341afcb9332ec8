import type { LlmProvider } from "../pipeline/types.js";
import { driftCheck } from "./checks/drift-check.js";
import { errorRateCheck } from "./checks/error-rate-check.js";
import { feedbackCheck } from "./checks/feedback-check.js";
import { filesystemChecks } from "./checks/filesystem-checks.js";
import { llmChecks } from "./checks/llm-checks.js";
import { metricsServerCheck } from "./checks/metrics-server-check.js";
import { modelChecks } from "./checks/model-checks.js";
import { storeChecks } from "./checks/store-checks.js";
import { type HealthDocument, healthDocument } from "./health-document.js";
import type { CheckResult, Component, HealthInputs } from "./types.js";

export interface HealthExtras {
  /** The provider --deep calls, built outside the circuit breaker; only asked for with --deep. */
  liveProvider?: () => Promise<LlmProvider>;
}

/**
 * Runs every component check (the store reads one at a time first, then the two that wait on the network) and scores them.
 * A check that throws (a damaged page met while reading) fails its own measurement instead of the run.
 */
export async function computeHealth(inputs: HealthInputs, extras: HealthExtras = {}): Promise<HealthDocument> {
  const checks: CheckResult[] = [
    ...(await guard("store", "reachable", () => storeChecks(inputs))),
    ...(await guard("filesystem", "free_space", () => filesystemChecks(inputs))),
    ...(await guard("model", "loaded", () => modelChecks(inputs))),
    ...(await guard("drift", "open_alerts", async () => [await driftCheck(inputs)])),
    ...(await guard("errors", "error_rate", async () => [await errorRateCheck(inputs)])),
    ...(await guard("feedback", "negative_ratio", async () => [await feedbackCheck(inputs)])),
  ];
  const [llm, server] = await Promise.all([
    llmChecks(inputs, extras.liveProvider).catch((error: unknown) => [failed("llm", "configured", error)]),
    metricsServerCheck(inputs).catch((error: unknown) => failed("metrics_server", "reachable", error)),
  ]);
  checks.push(...llm, server);
  return healthDocument(checks, inputs.now);
}

async function guard(component: Component, measurement: string, run: () => CheckResult[] | Promise<CheckResult[]>): Promise<CheckResult[]> {
  try {
    return await run();
  } catch (error) {
    return [failed(component, measurement, error)];
  }
}

function failed(component: Component, measurement: string, error: unknown): CheckResult {
  const message = error instanceof Error ? error.message : String(error);
  return { component, measurement, status: "fail", observed_value: null, output: `check failed: ${message}` };
}

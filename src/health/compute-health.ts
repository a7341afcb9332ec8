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
import type { CheckResult, HealthInputs } from "./types.js";

export interface HealthExtras {
  /** The provider --deep calls, built outside the circuit breaker; only asked for with --deep. */
  liveProvider?: () => Promise<LlmProvider>;
}

/** Runs every component check (sync reads first, then the two that wait on the network) and scores them. */
export async function computeHealth(inputs: HealthInputs, extras: HealthExtras = {}): Promise<HealthDocument> {
  const checks: CheckResult[] = [
    ...storeChecks(inputs),
    ...filesystemChecks(inputs),
    ...modelChecks(inputs),
    driftCheck(inputs),
    errorRateCheck(inputs),
    feedbackCheck(inputs),
  ];
  const [llm, server] = await Promise.all([llmChecks(inputs, extras.liveProvider), metricsServerCheck(inputs)]);
  checks.push(...llm, server);
  return healthDocument(checks, inputs.now);
}

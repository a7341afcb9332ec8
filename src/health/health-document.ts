import { EXIT_CODES, healthScore, overallStatus, worst } from "./score.js";
import type { CheckResult, CheckStatus, Component, OverallStatus } from "./types.js";

/** One entry of the IETF health-check draft's `checks` object. */
export interface HealthCheckEntry {
  componentType: string;
  status: CheckStatus;
  observedValue: number | string | boolean | null;
  observedUnit?: string;
  time: string;
  output: string;
}

/** `application/health+json` (draft-inadarei-api-health-check) plus moodfood's `score` and `overall_status`. */
export interface HealthDocument {
  status: CheckStatus;
  description: string;
  /** Only when not pass: the failing and warning lines, as the draft's `output`. */
  output?: string;
  checks: Record<string, HealthCheckEntry[]>;
  score: number;
  overall_status: OverallStatus;
  /** Nagios: 0 healthy, 1 degraded, 2 unhealthy. */
  exit_code: 0 | 1 | 2;
  checked_at: string;
  /** Whether this result was stored for the scrape (moodfood_system_health) and the history. */
  cached: boolean;
}

const COMPONENT_TYPE: Record<Component, string> = {
  store: "datastore",
  filesystem: "system",
  model: "component",
  llm: "component",
  metrics_server: "system",
  drift: "component",
  errors: "component",
  feedback: "component",
};

/** Builds the document from the checks; the same function serves the CLI and GET /health/full. */
export function healthDocument(checks: readonly CheckResult[], now: number): HealthDocument {
  const time = new Date(now).toISOString();
  const overall = overallStatus(checks);
  const status = worst(checks.map((c) => c.status));
  const problems = checks.filter((c) => c.status !== "pass").map((c) => `${c.component}:${c.measurement}: ${c.output}`);
  const entries: Record<string, HealthCheckEntry[]> = {};
  for (const c of checks) {
    const entry: HealthCheckEntry = {
      componentType: COMPONENT_TYPE[c.component],
      status: c.status,
      observedValue: c.observed_value,
      time: c.observed_at === undefined ? time : new Date(c.observed_at).toISOString(),
      output: c.output,
    };
    if (c.observed_unit) entry.observedUnit = c.observed_unit;
    entries[`${c.component}:${c.measurement}`] = [entry];
  }
  return {
    status,
    description: "moodfood health: store, file system, model, LLM provider, metrics server, drift, errors, feedback",
    ...(problems.length ? { output: problems.join("\n") } : {}),
    checks: entries,
    score: healthScore(checks),
    overall_status: overall,
    exit_code: EXIT_CODES[overall],
    checked_at: time,
    cached: false,
  };
}

import type { Config } from "../config/settings.js";
import type { Store } from "../store/store.js";

/** IETF health-check draft statuses of one check and of the whole document. */
export type CheckStatus = "pass" | "warn" | "fail";
export type OverallStatus = "healthy" | "degraded" | "unhealthy";

/** The components scored (DESIGN §8); each owns one or more measurements. */
export type Component = "store" | "filesystem" | "model" | "llm" | "metrics_server" | "drift" | "errors" | "feedback";

/** One measurement: keyed `component:measurement` in the health+json `checks` object. */
export interface CheckResult {
  component: Component;
  measurement: string;
  status: CheckStatus;
  observed_value: number | string | boolean | null;
  observed_unit?: string;
  /** One line a person reads, e.g. "1.2 GB free (34 %)". */
  output: string;
  /** When the reading was taken, if earlier than this run (a reused quick_check); the document's `time`. */
  observed_at?: number;
}

/** What the checks may look at; everything is injected so tests control time, the store and the network. */
export interface HealthInputs {
  config: Config;
  /** The store opened read-only, or the reason it could not be (corrupt, unreadable). */
  store: Store | { error: string };
  now: number;
  /** --deep: one live LLM call. */
  deep: boolean;
  /**
   * SQLite's quick_check reads every page (seconds at a million traces): "run" always runs it (--deep), "recent"
   * reuses a passing result under an hour old (the CLI), "cached" always shows the last result (the server).
   */
  integrity: "run" | "recent" | "cached";
  /** The metrics server's check: probe the configured port, or, inside the server, the port it serves on. */
  metricsServer: "probe" | { servingPort: number };
  /** Where the weekly report is written (reports/ under the working directory). */
  reportsDir: string;
}

export const storeOf = (inputs: HealthInputs): Store | undefined => ("error" in inputs.store ? undefined : inputs.store);

/** A check that could not look at the store: not a verdict on its component, but not a pass either. */
export function notChecked(component: Component, measurement: string, why: string): CheckResult {
  return { component, measurement, status: "warn", observed_value: null, output: `not checked: ${why}` };
}

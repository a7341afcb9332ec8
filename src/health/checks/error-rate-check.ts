import { type CheckResult, type CheckStatus, type HealthInputs, notChecked, storeOf } from "../types.js";

/** Share of failed queries: warn from 5 %, fail from 25 %; judged on at least 20 queries, else on 5 failures (warn). */
export const ERROR_RATE = { warn: 0.05, fail: 0.25, minQueries: 20, fewQueriesWarnErrors: 5 } as const;
const HOUR_MS = 3_600_000;

export function judgeErrorRate(errors: number, total: number): CheckStatus {
  if (total < ERROR_RATE.minQueries) return errors >= ERROR_RATE.fewQueriesWarnErrors ? "warn" : "pass";
  const rate = errors / total;
  return rate >= ERROR_RATE.fail ? "fail" : rate >= ERROR_RATE.warn ? "warn" : "pass";
}

/**
 * errors: failed queries in the last hour, from the hourly rollups of moodfood_queries_total (no trace
 * is scanned). Rollups are kept per clock hour, so "the last hour" is the current and the previous
 * clock hour: 60 to 120 minutes.
 */
export async function errorRateCheck(inputs: HealthInputs): Promise<CheckResult> {
  const store = storeOf(inputs);
  if (!store) return notChecked("errors", "error_rate", "the query counts live in the store, which cannot be read");
  const byStatus = await store.health.counterByLabel("moodfood_queries_total", "status", inputs.now - HOUR_MS, inputs.now);
  const errors = byStatus.error ?? 0;
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const status = judgeErrorRate(errors, total);
  const rate = total > 0 ? errors / total : 0;
  const percent = `${(100 * rate).toFixed(1)} %`;
  const few = total < ERROR_RATE.minQueries ? "; too few to judge a rate" : "";
  return {
    component: "errors",
    measurement: "error_rate",
    status,
    observed_value: Math.round(rate * 10_000) / 10_000,
    observed_unit: "ratio",
    output:
      total === 0
        ? "no queries in the last hour"
        : `${errors} of ${total} queries failed in the last hour (${percent})${few}${status === "pass" ? "" : "; see moodfood trace list --status error"}`,
  };
}

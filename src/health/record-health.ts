import { cacheGauge } from "../metrics/cached-gauges.js";
import type { HealthRecord } from "../store/health-queries.js";
import type { Store } from "../store/store.js";
import type { HealthDocument } from "./health-document.js";
import type { OverallStatus } from "./types.js";

/** The history gets a row on every change of status, and otherwise at most one every this often. */
export const HISTORY_EVERY_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

export interface RecordedHealth {
  /** The status recorded before this one (undefined the first time). */
  previous: OverallStatus | undefined;
  /** True when the overall status differs from the last recorded one: the caller posts it to the webhook. */
  changed: boolean;
}

/**
 * Stores a computed health for the scrape (moodfood_system_health), as the latest result and, on a
 * change or every 15 minutes, in the history; history older than the retention is dropped with it.
 */
export async function recordHealth(
  store: Store,
  doc: HealthDocument,
  source: "cli" | "serve",
  retentionDays: number,
): Promise<RecordedHealth> {
  // Only the CLI runs quick_check; the server shows that result instead of re-reading every page.
  const at = Date.parse(doc.checked_at);
  const ran = doc.checks["store:integrity"]?.[0];
  // Recorded only when it ran now: a reused result keeps its own time.
  const integrity = source === "cli" && ran && Date.parse(ran.time) === at ? ran : undefined;
  return store.transaction(async () => {
    const last = await store.health.latest();
    const lastRow = await store.health.lastRecorded();
    const changed = last !== undefined ? last.status !== doc.overall_status : doc.overall_status !== "healthy";
    const record: HealthRecord = {
      checked_at: at,
      status: doc.overall_status,
      score: doc.score,
      source,
      checks: JSON.stringify(doc.checks),
    };
    await store.health.record(record, {
      append: changed || !lastRow || at - lastRow.checked_at >= HISTORY_EVERY_MS,
      keepSince: retentionDays > 0 ? at - retentionDays * DAY_MS : undefined,
      integrity: integrity && { status: integrity.status === "fail" ? "fail" : "pass", output: integrity.output, checked_at: at },
    });
    await cacheGauge(store, "moodfood_system_health", [{ labels: {}, value: doc.score }], at);
    return { previous: last?.status, changed };
  });
}

import type { Store } from "../store/store.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const LAST_RUN_KEY = "maintenance.last_run";

export interface MaintenanceOptions {
  now: number;
  traceCleanupHours: number;
  /** 0 keeps every trace. */
  retentionDays: number;
  /** Run even if it ran less than an hour ago (the prune command). */
  force?: boolean;
}

export interface MaintenanceResult {
  ran: boolean;
  abandoned: number;
  pruned: number;
  /** Skipped because the clock is far ahead of the stored data. */
  skewed?: boolean;
}

/**
 * Whether `now` is more than a week past the newest trace that started over an hour ago: the traces of the last
 * hour do not count, since under a wrong clock they carry the wrong time themselves.
 */
async function clockFarAhead(store: Store, now: number): Promise<boolean> {
  const newest = await store.traces.newestStartedBefore(now - HOUR_MS);
  return newest !== null && now - newest > SKEW_LIMIT_MS;
}

/** A clock this far ahead of the stored data is taken for a wrong clock, not for time passing (DESIGN §15). */
const SKEW_LIMIT_MS = 7 * DAY_MS;

/** Marks stale active traces abandoned and applies retention, at most once an hour (indexed, cheap). */
export async function runMaintenance(store: Store, options: MaintenanceOptions): Promise<MaintenanceResult> {
  const last = (await store.meta.get(LAST_RUN_KEY))?.value as number | undefined;
  // A marker in the future was left by a clock that ran ahead; honouring it would switch upkeep off until then.
  const lastRun = last !== undefined && last <= options.now ? last : undefined;
  if (!options.force && lastRun !== undefined && options.now - lastRun < HOUR_MS) return { ran: false, abandoned: 0, pruned: 0 };
  if (await clockFarAhead(store, options.now)) return { ran: false, abandoned: 0, pruned: 0, skewed: true };
  const abandoned = await store.transaction(() => store.traces.sweepAbandoned(options.now - options.traceCleanupHours * HOUR_MS));
  const pruned = options.retentionDays > 0 ? await pruneTraces(store, options.now - options.retentionDays * DAY_MS) : 0;
  // Marked last: a run cut short (a busy store, a killed process) is simply run again by the next one.
  await store.transaction(() => store.meta.set(LAST_RUN_KEY, options.now, options.now));
  return { ran: true, abandoned, pruned };
}

/** Deletes traces older than `cutoff` (and the feedback on them) and gives the pages back to the file system. */
export async function pruneTraces(store: Store, cutoff: number): Promise<number> {
  return (await pruneHistory(store, cutoff)).traces;
}

/**
 * Traces older than `cutoff`, then every feedback row whose trace is gone (feedback means nothing without the
 * query it rates, and imported feedback may have arrived without its trace): no orphan is left behind.
 */
export async function pruneHistory(store: Store, cutoff: number): Promise<{ traces: number; feedback: number }> {
  const traces = await store.traces.deleteStartedBefore(cutoff);
  const feedback = await store.feedback.deleteOrphans();
  if (traces + feedback > 0) await store.reclaimSpace();
  return { traces, feedback };
}

/** How a trace's status reads: `active` past the cleanup age is reported `abandoned` even before a sweep. */
export function effectiveStatus<T extends { status: string; started_at: number }>(
  trace: T,
  now: number,
  cleanupHours: number,
): T["status"] | "abandoned" {
  return trace.status === "active" && trace.started_at < now - cleanupHours * HOUR_MS ? "abandoned" : trace.status;
}

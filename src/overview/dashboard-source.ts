import type { TraceRecord } from "../records/trace.js";
import type { Store } from "../store/store.js";
import type { DashboardSnapshot } from "./dashboard-snapshot.js";
import { readDashboardSnapshot, type SnapshotOptions } from "./read-dashboard-snapshot.js";

/** Everything the dashboard reads: a frame, and one whole trace for the waterfall. Tests pass their own. */
export interface DashboardSource {
  read(now: number): Promise<DashboardSnapshot>;
  trace(traceId: string): Promise<TraceRecord | undefined>;
}

export interface DashboardOptions {
  refreshMs: number;
  color: boolean;
  /** Where the store lives, named by the empty state. */
  dataDir: string;
  now?: () => number;
}

/** The Ink app's entry (dist/dashboard.mjs, loaded by the `dashboard` command; decision 0015). */
export interface DashboardUi {
  startDashboard(source: DashboardSource, options: DashboardOptions): Promise<void>;
}

export function storeDashboardSource(store: Store, options: SnapshotOptions = {}): DashboardSource {
  return {
    read: (now) => readDashboardSnapshot(store, now, options),
    trace: (traceId) => store.traces.get(traceId),
  };
}

import { useEffect, useState } from "react";
import type { DashboardSnapshot } from "../../overview/dashboard-snapshot.js";
import type { DashboardSource } from "../../overview/dashboard-source.js";

export interface SnapshotState {
  snapshot: DashboardSnapshot;
  /** The last refresh's error, if it failed (the previous frame stays on screen). */
  error: string | null;
}

/**
 * Reads a frame at once (the first frame has data) and again every `refreshMs` while not paused.
 * Each read is one short read transaction, so other processes keep writing meanwhile.
 */
export function useStoreSnapshot(source: DashboardSource, refreshMs: number, paused: boolean, now: () => number): SnapshotState {
  const [state, setState] = useState<SnapshotState>(() => ({ snapshot: source.read(now()), error: null }));
  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => {
      try {
        const snapshot = source.read(now());
        setState({ snapshot, error: null });
      } catch (error) {
        setState((previous) => ({ snapshot: previous.snapshot, error: error instanceof Error ? error.message : String(error) }));
      }
    }, refreshMs);
    return () => clearInterval(timer);
  }, [source, refreshMs, paused, now]);
  return state;
}

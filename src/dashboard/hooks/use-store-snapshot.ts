import { useEffect, useRef, useState } from "react";
import type { DashboardSnapshot } from "../../overview/dashboard-snapshot.js";
import type { DashboardSource } from "../../overview/dashboard-source.js";

export interface SnapshotState {
  /** null until the first read answers (the app is given one already read, so only tests see this). */
  snapshot: DashboardSnapshot | null;
  /** The last refresh's error, if it failed (the previous frame stays on screen). */
  error: string | null;
}

/**
 * Reads a frame at once unless one is given, and again every `refreshMs` while not paused. Each read is one short
 * read transaction, so other processes keep writing meanwhile; reads run outside render, one at a time.
 */
export function useStoreSnapshot(
  source: DashboardSource,
  refreshMs: number,
  paused: boolean,
  now: () => number,
  initial?: DashboardSnapshot,
): SnapshotState {
  const [state, setState] = useState<SnapshotState>(() => ({ snapshot: initial ?? null, error: null }));
  const reading = useRef(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const hasFrame = state.snapshot !== null;
  useEffect(() => {
    const refresh = async (): Promise<void> => {
      if (reading.current) return; // a slow read is not stacked on: the next tick reads again
      reading.current = true;
      try {
        const snapshot = await source.read(now());
        if (mounted.current) setState({ snapshot, error: null });
      } catch (error) {
        if (mounted.current) setState((previous) => ({ snapshot: previous.snapshot, error: errorText(error) }));
      } finally {
        reading.current = false;
      }
    };
    if (!hasFrame) void refresh(); // never rejects: a failed read becomes the error line
    if (paused) return;
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => clearInterval(timer);
  }, [source, refreshMs, paused, now, hasFrame]);
  return state;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

import { useRef, useState } from "react";
import type { RecentTrace } from "../../overview/dashboard-snapshot.js";

export interface TraceSelection {
  /** Index into `traces` of the selected row (0 = newest). */
  index: number;
  /** The selected trace as of the last key, even before the screen shows it (keys can come in bursts). */
  current(): RecentTrace | undefined;
  move(delta: number): void;
}

/**
 * The selected trace, kept by id so new traces arriving on top do not move it; with nothing chosen
 * (or the chosen trace gone from the list) the newest is selected and follows new arrivals.
 */
export function useTraceSelection(traces: readonly RecentTrace[]): TraceSelection {
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = useRef<string | null>(null);
  const indexOf = (id: string | null) => Math.max(0, id === null ? -1 : traces.findIndex((t) => t.traceId === id));
  return {
    index: indexOf(chosenId),
    current: () => traces[indexOf(chosen.current)],
    move(delta) {
      const next = Math.min(traces.length - 1, Math.max(0, indexOf(chosen.current) + delta));
      chosen.current = next <= 0 ? null : (traces[next]?.traceId ?? null);
      setChosenId(chosen.current);
    },
  };
}

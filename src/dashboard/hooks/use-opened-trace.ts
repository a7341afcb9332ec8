import { useRef, useState } from "react";
import type { DashboardSource } from "../../overview/dashboard-source.js";
import type { TraceRecord } from "../../records/trace.js";

export interface OpenedTrace {
  traceId: string;
  /** undefined when the trace is no longer in the store (pruned) or could not be read. */
  trace: TraceRecord | undefined;
  /** Why the trace could not be read, if it could not. */
  error?: string;
}

/** The trace whose waterfall is shown: read from the store on open, outside render; a later open or cancel wins. */
export function useOpenedTrace(source: DashboardSource): {
  opened: OpenedTrace | null;
  open(traceId: string, onOpened: () => void): void;
  cancel(): void;
} {
  const [opened, setOpened] = useState<OpenedTrace | null>(null);
  const request = useRef(0);
  return {
    opened,
    open(traceId, onOpened) {
      const mine = ++request.current;
      const settle = (next: OpenedTrace) => {
        if (mine !== request.current) return; // Esc, or another trace, came first
        setOpened(next);
        onOpened();
      };
      const read = async (): Promise<OpenedTrace> => {
        try {
          return { traceId, trace: await source.trace(traceId) };
        } catch (error) {
          return { traceId, trace: undefined, error: error instanceof Error ? error.message : String(error) };
        }
      };
      void read().then(settle); // never rejects: a failed read is shown in place of the waterfall
    },
    cancel() {
      request.current++;
    },
  };
}

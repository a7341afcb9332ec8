import { Box, Text } from "ink";
import { useMemo, useRef, useState } from "react";
import type { DashboardSnapshot } from "../../overview/dashboard-snapshot.js";
import type { DashboardSource } from "../../overview/dashboard-source.js";
import { matchesFilter } from "../filter-traces.js";
import { useKeys } from "../hooks/use-keys.js";
import { useOpenedTrace } from "../hooks/use-opened-trace.js";
import { PaletteContext } from "../hooks/use-palette.js";
import { useStoreSnapshot } from "../hooks/use-store-snapshot.js";
import { useTerminalSize } from "../hooks/use-terminal-size.js";
import { useTraceSelection } from "../hooks/use-trace-selection.js";
import { EmptyState } from "./EmptyState.js";
import { FilterBar } from "./FilterBar.js";
import { Header } from "./Header.js";
import { HelpOverlay } from "./HelpOverlay.js";
import { KeyHints, type Screen } from "./KeyHints.js";
import { PANEL_HEIGHT } from "./Panel.js";
import { gridLayout, PanelGrid } from "./PanelGrid.js";
import { TraceList } from "./TraceList.js";
import { TraceWaterfall } from "./TraceWaterfall.js";

export interface AppProps {
  source: DashboardSource;
  refreshMs: number;
  color: boolean;
  dataDir: string;
  now?: () => number;
  /** The first frame, read before the app starts so it has data at once; without it the app reads one on mount. */
  initial?: DashboardSnapshot;
}

/** Lines the trace list needs at least: its title, column names and a few rows. */
const MIN_LIST_LINES = 6;
const NO_TRACES: DashboardSnapshot["recent"] = [];

/** The dashboard: panels over the newest traces, a waterfall on Enter, help on `?`. */
export function App({ source, refreshMs, color, dataDir, now = Date.now, initial }: AppProps) {
  const [paused, setPaused] = useState(false);
  const [screen, setScreen] = useState<Screen>("main");
  const [filter, setFilter] = useState("");
  // The filter line being typed (null when closed), mirrored in a ref: keys pasted or typed fast
  // arrive before the next render, and each must see the one before it.
  const draftRef = useRef<string | null>(null);
  const [draft, setDraftState] = useState<string | null>(null);
  const setDraft = (next: string | null) => {
    draftRef.current = next;
    setDraftState(next);
  };
  const { opened, open, cancel } = useOpenedTrace(source);
  const { snapshot, error } = useStoreSnapshot(source, refreshMs, paused, now, initial);
  const { columns, rows } = useTerminalSize();
  const recent = snapshot?.recent ?? NO_TRACES;
  const traces = useMemo(() => (filter ? recent.filter((t) => matchesFilter(t, filter)) : recent), [recent, filter]);
  const selection = useTraceSelection(traces);

  useKeys(
    {
      up: () => screen === "main" && selection.move(-1),
      down: () => screen === "main" && selection.move(1),
      enter: () => {
        const picked = screen === "main" ? selection.current() : undefined;
        if (draftRef.current !== null) {
          setFilter(draftRef.current.trim());
          setDraft(null);
        } else if (picked) {
          open(picked.traceId, () => setScreen("waterfall"));
        }
      },
      escape: () => {
        cancel();
        if (draftRef.current !== null) setDraft(null);
        else if (screen !== "main") setScreen("main");
        else setFilter("");
      },
      filter: () => screen === "main" && setDraft(filter),
      pause: () => setPaused((p) => !p),
      help: () => {
        cancel();
        setScreen((s) => (s === "help" ? "main" : "help"));
      },
      type: (text) => setDraft(text === "\b" ? (draftRef.current ?? "").slice(0, -1) : (draftRef.current ?? "") + text),
    },
    () => draftRef.current !== null,
  );

  if (!snapshot) return <Text>{error ? `Cannot read the store: ${error}` : `Reading ${dataDir}…`}</Text>;
  const empty = snapshot.window.kind === "empty" && snapshot.recent.length === 0;
  const grid = gridLayout(columns);
  const headerLines = error ? 3 : 2;
  const footerLines = 1 + (draft !== null ? 1 : 0);
  // Panel rows that fit above a usable list; the rest are left out and the header says so.
  const fitRows = Math.max(0, Math.floor((rows - 1 - headerLines - footerLines - MIN_LIST_LINES) / PANEL_HEIGHT));
  const panelRows = Math.min(grid.rows, fitRows);
  const listHeight = Math.max(1, rows - 1 - headerLines - footerLines - panelRows * PANEL_HEIGHT - 2);

  return (
    <PaletteContext.Provider value={color}>
      <Box flexDirection="column" width={columns}>
        <Header
          window={snapshot.window}
          at={snapshot.at}
          refreshMs={refreshMs}
          paused={paused}
          hiddenPanels={empty || screen !== "main" ? 0 : Math.max(0, 8 - panelRows * grid.perRow)}
          error={error}
        />
        {screen === "help" ? (
          <HelpOverlay refreshMs={refreshMs} />
        ) : screen === "waterfall" && opened ? (
          opened.trace ? (
            <TraceWaterfall trace={opened.trace} columns={columns} />
          ) : opened.error ? (
            <Text>{`Trace ${opened.traceId} could not be read: ${opened.error}`}</Text>
          ) : (
            <Text>{`Trace ${opened.traceId} is no longer in the store (pruned).`}</Text>
          )
        ) : empty ? (
          <EmptyState dataDir={dataDir} />
        ) : (
          <>
            <PanelGrid snapshot={snapshot} columns={columns} visibleRows={panelRows} />
            <TraceList
              traces={traces}
              selectedIndex={selection.index}
              height={listHeight}
              columns={columns}
              filter={filter}
              searched={snapshot.recent.length}
            />
          </>
        )}
        {draft !== null ? <FilterBar draft={draft} /> : null}
        <KeyHints screen={screen} />
      </Box>
    </PaletteContext.Provider>
  );
}

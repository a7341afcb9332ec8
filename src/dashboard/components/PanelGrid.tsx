import { Box } from "ink";
import type { ReactElement } from "react";
import type { DashboardSnapshot } from "../../overview/dashboard-snapshot.js";
import { DecisionPanel } from "./DecisionPanel.js";
import { DriftPanel } from "./DriftPanel.js";
import { FeedbackPanel } from "./FeedbackPanel.js";
import { HealthPanel } from "./HealthPanel.js";
import { LatencyPanel } from "./LatencyPanel.js";
import { LlmPanel } from "./LlmPanel.js";
import { ModelPanel } from "./ModelPanel.js";
import { PANEL_HEIGHT } from "./Panel.js";
import { ThroughputPanel } from "./ThroughputPanel.js";

const PANEL_COUNT = 8;
const MIN_PANEL_WIDTH = 34;

/** How the panels fit a terminal: as many per row as are at least 34 columns wide, 4 at most. */
export function gridLayout(columns: number): { perRow: number; width: number; rows: number } {
  const perRow = Math.max(1, Math.min(4, Math.floor(columns / MIN_PANEL_WIDTH)));
  return { perRow, width: Math.floor(columns / perRow), rows: Math.ceil(PANEL_COUNT / perRow) };
}

/** The panels in rows; `visibleRows` leaves out the last rows on a terminal too short for all. */
export function PanelGrid({ snapshot, columns, visibleRows }: { snapshot: DashboardSnapshot; columns: number; visibleRows: number }) {
  const { perRow, width } = gridLayout(columns);
  const panels: ReactElement[] = [
    <HealthPanel key="health" health={snapshot.health} width={width} />,
    <ModelPanel key="model" models={snapshot.models} width={width} />,
    <ThroughputPanel key="throughput" throughput={snapshot.throughput} width={width} />,
    <LatencyPanel key="latency" latency={snapshot.latency} queries={snapshot.queries} width={width} />,
    <DecisionPanel key="decisions" queries={snapshot.queries} width={width} />,
    <LlmPanel key="llm" llm={snapshot.llm} width={width} />,
    <DriftPanel key="drift" drift={snapshot.drift} width={width} />,
    <FeedbackPanel key="feedback" feedback={snapshot.feedback} width={width} />,
  ];
  const rows: ReactElement[][] = [];
  for (let i = 0; i < panels.length; i += perRow) rows.push(panels.slice(i, i + perRow));
  return (
    <Box flexDirection="column">
      {rows.slice(0, visibleRows).map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reorder
        <Box key={i} flexDirection="row" height={PANEL_HEIGHT}>
          {row}
        </Box>
      ))}
    </Box>
  );
}

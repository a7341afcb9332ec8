import { Box, Text } from "ink";
import type { PanelWindow } from "../../overview/dashboard-snapshot.js";
import { timestamp } from "../format.js";
import { usePalette } from "../hooks/use-palette.js";

interface Props {
  window: PanelWindow;
  at: number;
  refreshMs: number;
  paused: boolean;
  hiddenPanels: number;
  error: string | null;
}

/** What the panels cover, when they were read, and whether refreshing is paused. */
export function Header({ window, at, refreshMs, paused, hiddenPanels, error }: Props) {
  const colour = usePalette();
  const span =
    window.kind === "latest_day_with_data"
      ? `no queries in the last 24 h; showing the latest day with data, ${timestamp(window.start)} → ${timestamp(window.end)}`
      : `last 24 h (since ${timestamp(window.start)})`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold color={colour("accent")}>
          moodfood dashboard
        </Text>
        {" · "}
        <Text color={window.kind === "latest_day_with_data" ? colour("warn") : undefined}>{span}</Text>
        {" · "}
        {paused ? (
          <Text inverse color={colour("warn")}>
            {" PAUSED (p resumes) "}
          </Text>
        ) : (
          <Text color={colour("muted")}>
            every {refreshMs / 1000} s · read {timestamp(at)}
          </Text>
        )}
        {hiddenPanels > 0 ? <Text color={colour("muted")}> · {hiddenPanels} panels hidden (terminal too short)</Text> : null}
      </Text>
      {error ? (
        <Text wrap="truncate" color={colour("bad")}>
          refresh failed, showing the previous frame: {error}
        </Text>
      ) : null}
    </Box>
  );
}

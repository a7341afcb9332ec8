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

/** When the frame was read, whether refreshing is paused, and (second line) what the panels cover. */
export function Header({ window, at, refreshMs, paused, hiddenPanels, error }: Props) {
  const colour = usePalette();
  const span =
    window.kind === "latest_day_with_data"
      ? `latest day with data (none in the last 24 h): ${timestamp(window.start)} → ${timestamp(window.end)}`
      : `last 24 h (since ${timestamp(window.start)})`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold color={colour("accent")}>
          moodfood dashboard
        </Text>
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
      <Text wrap="truncate" color={window.kind === "latest_day_with_data" ? colour("warn") : colour("muted")}>
        {span}
      </Text>
      {error ? (
        <Text wrap="truncate" color={colour("bad")}>
          refresh failed, showing the previous frame: {error}
        </Text>
      ) : null}
    </Box>
  );
}

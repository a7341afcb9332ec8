import { Box, Text } from "ink";
import { usePalette } from "../hooks/use-palette.js";

const KEYS: [string, string][] = [
  ["↑ / ↓  (k / j)", "select a trace in the list (the newest is selected and follows new traces)"],
  ["Enter", "open the selected trace's waterfall"],
  ["Esc", "back from the waterfall or help; clear the filter"],
  ["/", "filter the list: words match the query, decision or status; status:error, decision:ml_only"],
  ["p", "pause / resume refreshing"],
  ["?", "this help"],
  ["q / Ctrl-C", "quit (the terminal is restored)"],
];

/** Every key, and where the numbers come from. */
export function HelpOverlay({ refreshMs }: { refreshMs: number }) {
  const colour = usePalette();
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={colour("muted")} paddingX={1}>
      <Text bold color={colour("accent")}>
        Keys
      </Text>
      {KEYS.map(([key, what]) => (
        <Text key={key} wrap="truncate">
          <Text bold>{key.padEnd(16)}</Text>
          {what}
        </Text>
      ))}
      <Text> </Text>
      <Text wrap="wrap" color={colour("muted")}>
        Panels read the store every {refreshMs / 1000} s: counts and latency from the hourly metric rollups of the last 24 h (or of the
        latest day with data), throughput from the last hour's trace start times, health and drift as their commands last stored them.
      </Text>
    </Box>
  );
}

import { Box, Text } from "ink";
import type { RecentTrace } from "../../overview/dashboard-snapshot.js";
import { fitColumns, ms, timestamp } from "../format.js";
import { type Tone, usePalette } from "../hooks/use-palette.js";

interface Props {
  traces: readonly RecentTrace[];
  selectedIndex: number;
  height: number;
  columns: number;
  /** The applied `/` filter, and how many newest traces it searched. */
  filter: string;
  searched: number;
}

const STATUS_TONE: Record<string, Tone> = { ok: "good", error: "bad", active: "warn", abandoned: "warn" };

/** The newest traces, one per row: id (8 chars), start, query, decision, duration, status. */
export function TraceList({ traces, selectedIndex, height, columns, filter, searched }: Props) {
  const colour = usePalette();
  const wide = columns >= 100;
  const queryWidth = Math.max(10, columns - (wide ? 21 : 0) - 9 - 17 - 10 - 10 - 2);
  const offset = Math.max(0, selectedIndex - height + 1);
  const shown = traces.slice(offset, offset + height);
  const title = filter
    ? `Recent traces · filter "${fitColumns(filter, 30).trim()}": ${traces.length} of the ${searched} newest match`
    : `Recent traces · newest ${traces.length}`;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate" color={colour("accent")}>
        {title}
      </Text>
      <Text wrap="truncate" color={colour("muted")}>
        {"  "}
        {"id".padEnd(9)}
        {wide ? "started".padEnd(21) : ""}
        {"query".padEnd(queryWidth + 1)}
        {"decision".padEnd(17)}
        {"duration".padStart(10)} status
      </Text>
      {shown.length === 0 ? (
        <Text color={colour("muted")}>{filter ? "  no trace matches (Esc clears the filter)" : "  no traces yet"}</Text>
      ) : null}
      {shown.map((t, i) => {
        const selected = offset + i === selectedIndex;
        return (
          <Text key={t.traceId} wrap="truncate" inverse={selected}>
            {selected ? "› " : "  "}
            {t.traceId.slice(0, 8).padEnd(9)}
            {wide ? timestamp(t.startedAt).padEnd(21) : ""}
            {fitColumns(t.query, queryWidth)} {(t.decision ?? "-").padEnd(17)}
            {ms(t.durationMs).padStart(10)} <Text color={selected ? undefined : colour(STATUS_TONE[t.status])}>{t.status}</Text>
          </Text>
        );
      })}
    </Box>
  );
}

import { Box, Text } from "ink";
import type { TraceRecord } from "../../records/trace.js";
import { fitColumns, ms, safeText, timestamp } from "../format.js";
import { usePalette } from "../hooks/use-palette.js";

const NAME_WIDTH = 12;

/** One trace: its header, then each span as a bar on one time axis (as `moodfood trace <id>` draws it). */
export function TraceWaterfall({ trace, columns }: { trace: TraceRecord; columns: number }) {
  const colour = usePalette();
  const width = Math.max(10, Math.min(80, columns - NAME_WIDTH - 14));
  const total = Math.max(trace.duration_ms ?? 0, ...trace.spans.map((s) => s.start_offset_ms + s.duration_ms), 0.001);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold>Trace</Text> {trace.trace_id}{" "}
        <Text color={colour(trace.status === "ok" ? "good" : trace.status === "error" ? "bad" : "warn")}>{trace.status}</Text>
      </Text>
      <Text wrap="truncate">query {fitColumns(trace.query, Math.max(10, columns - 10)).trimEnd()}</Text>
      <Text wrap="truncate">
        decision {trace.final_decision ?? "-"} · confidence {trace.confidence?.toFixed(2) ?? "-"} · model {trace.model_version ?? "-"}
      </Text>
      <Text wrap="truncate">
        labels {trace.labels.join(", ") || "(none)"} · started {timestamp(trace.started_at)} · total {ms(trace.duration_ms)}
      </Text>
      {trace.error ? (
        <Text wrap="truncate" color={colour("bad")}>
          error {safeText(trace.error)}
        </Text>
      ) : null}
      <Text> </Text>
      {trace.spans.map((span) => {
        const start = Math.min(width - 1, Math.floor((span.start_offset_ms / total) * width));
        const length = Math.min(width - start, Math.max(1, Math.round((span.duration_ms / total) * width)));
        return (
          <Text key={span.span_id} wrap="truncate">
            {span.name.padEnd(NAME_WIDTH)} {" ".repeat(start)}
            <Text color={colour(span.status === "error" ? "bad" : "accent")}>{"█".repeat(length)}</Text>
            {" ".repeat(width - start - length)} {ms(span.duration_ms).padStart(9)}
            {span.error ? <Text color={colour("bad")}> {safeText(span.error)}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}

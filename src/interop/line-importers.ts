import { feedbackCounter } from "../feedback/feedback-rollup.js";
import { rollupsForTrace } from "../metrics/trace-rollups.js";
import { MAX_QUERY_CHARS } from "../pipeline/parse.js";
import type { Store } from "../store/store.js";
import { lineToDriftAlert, lineToDriftCheck } from "./drift-lines.js";
import { lineToFeedback } from "./feedback-lines.js";
import { checkFeedbackMetricsLine } from "./feedback-metrics-lines.js";
import { type JsonObject, LineError } from "./line-fields.js";
import type { FileKind } from "./original-layout.js";
import { type LineOptions, lineToTrace } from "./trace-lines.js";
import { checkImportedFeedback, checkImportedTrace } from "./validate-imported.js";

/** What became of a line: stored, already there (imports are idempotent by id), or checked and not stored. */
export type LineOutcome = "imported" | "duplicate" | "derived";

export type LineImporter = (line: JsonObject) => Promise<LineOutcome>;

/**
 * Stores one parsed line of the given kind, with the metric rollups the live path writes next to it (so
 * /metrics and the weekly report count imported history). Runs inside the caller's transaction.
 */
export function lineImporter(store: Store, kind: FileKind, options: LineOptions): LineImporter {
  const { interop, rollups } = store;
  switch (kind) {
    case "traces":
      return async (line) => {
        const trace = lineToTrace(line, options);
        checkImportedTrace(trace, Date.now());
        if (!(await interop.insertTraceIfAbsent(trace))) return "duplicate";
        // Only ended traces carry metrics, as on the live path.
        if (trace.status === "ok" || trace.status === "error") {
          const { counters, histograms } = rollupsForTrace(trace);
          await rollups.apply(counters, histograms, trace.ended_at ?? trace.started_at);
        }
        return "imported";
      };
    case "user_feedback":
      return async (line) => {
        const { record, query, recommendations } = lineToFeedback(line);
        checkImportedFeedback(record, Date.now());
        if (query.length > MAX_QUERY_CHARS)
          throw new LineError(`"query" is ${query.length} characters; a query holds at most ${MAX_QUERY_CHARS}`);
        if (!(await interop.insertFeedbackIfAbsent(record))) return "duplicate";
        await rollups.apply([feedbackCounter(record)], [], record.created_at);
        await interop.fillTraceQuery(record.trace_id, options.keepQueryText ? query : "", recommendations);
        return "imported";
      };
    case "drift_metrics":
      return async (line) => ((await interop.insertDriftCheckIfAbsent(lineToDriftCheck(line))) ? "imported" : "duplicate");
    case "drift_alerts":
      return async (line) => {
        const alert = lineToDriftAlert(line);
        if (!(await interop.insertDriftAlertIfAbsent(alert))) return "duplicate";
        const labels = { type: alert.type, severity: alert.severity, model_version: alert.model_version ?? "none" };
        await rollups.apply([{ name: "moodfood_drift_alerts_total", labels, value: 1 }], [], alert.opened_at);
        return "imported";
      };
    case "feedback_metrics":
      return async (line) => {
        checkFeedbackMetricsLine(line);
        return "derived";
      };
  }
}

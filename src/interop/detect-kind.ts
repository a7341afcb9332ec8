import { basename } from "node:path";
import type { JsonObject } from "./line-fields.js";
import { FILE_KINDS, type FileKind } from "./original-layout.js";

/** By file name first: `traces.jsonl`, also rotated or prefixed copies like `traces.jsonl.1`, `2024-05-traces.jsonl`. */
export function kindFromName(path: string): FileKind | undefined {
  const name = basename(path).toLowerCase();
  // Longest names first: "feedback_metrics" must not be taken for some shorter kind.
  const byLength = [...FILE_KINDS].sort((a, b) => b.length - a.length);
  return byLength.find((kind) => new RegExp(`(^|[^a-z_])${kind}([^a-z_]|$)`).test(name));
}

/** Else by the fields of a line: each file has one field no other has. */
export function kindFromFields(line: JsonObject): FileKind | undefined {
  if ("events" in line || "start_time" in line) return "traces";
  if ("feedback_id" in line) return "user_feedback";
  if ("alert_id" in line) return "drift_alerts";
  if ("overall_drift_score" in line) return "drift_metrics";
  if ("total_feedback" in line) return "feedback_metrics";
  return undefined;
}

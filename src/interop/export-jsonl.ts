import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../errors.js";
import type { Store } from "../store/store.js";
import { fromRow } from "../store/trace-rows.js";
import { driftAlertToLine, driftCheckToLine } from "./drift-lines.js";
import { feedbackToLine } from "./feedback-lines.js";
import { feedbackMetricsLines } from "./feedback-metrics-lines.js";
import { type JsonlWriter, jsonlWriter } from "./jsonl-writer.js";
import { FILE_KINDS, type FileKind, fileNameOf } from "./original-layout.js";
import { traceToLine } from "./trace-lines.js";

export interface ExportOptions {
  outDir: string;
  /** Replace files an earlier export left in outDir. */
  force?: boolean;
}

export interface ExportedFile {
  kind: FileKind;
  path: string;
  lines: number;
  bytes: number;
}

export interface ExportResult {
  out: string;
  files: ExportedFile[];
}

/** Writes the store as the original system's five JSONL files, streaming row by row from one read snapshot. */
export function runExportJsonl(store: Store, options: ExportOptions): ExportResult {
  const paths = Object.fromEntries(FILE_KINDS.map((kind) => [kind, join(options.outDir, fileNameOf(kind))])) as Record<FileKind, string>;
  const existing = FILE_KINDS.map((kind) => paths[kind]).filter((path) => existsSync(path));
  if (existing.length > 0 && !options.force) {
    throw new UserError("export_exists", `${existing[0]} already exists; pass --force to overwrite it or choose another --out directory.`);
  }
  const { interop } = store;
  const writers: Partial<Record<FileKind, JsonlWriter>> = {};
  try {
    mkdirSync(options.outDir, { recursive: true });
    const files = interop.readSnapshot(() => {
      const write = (kind: FileKind, lines: Iterable<unknown>): ExportedFile => {
        const writer = jsonlWriter(paths[kind]);
        writers[kind] = writer;
        for (const line of lines) writer.write(line);
        return { kind, path: paths[kind], ...writer.commit() };
      };
      return [
        write(
          "traces",
          map(interop.iterateTraces(), (row) => traceToLine(fromRow(row))),
        ),
        write("user_feedback", map(interop.iterateFeedback(), feedbackToLine)),
        write("drift_metrics", map(interop.iterateDriftChecks(), driftCheckToLine)),
        write("drift_alerts", map(interop.iterateDriftAlerts(), driftAlertToLine)),
        write("feedback_metrics", feedbackMetricsLines(interop.feedbackDays())),
      ];
    });
    return { out: options.outDir, files };
  } catch (error) {
    for (const writer of Object.values(writers)) writer?.abort();
    throw writeError(error, options.outDir);
  }
}

function writeError(error: unknown, dir: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOSPC")
    return new UserError("export_disk_full", `No space left to write the export in ${dir}; free disk space or choose another --out.`);
  if (typeof code === "string" && ["EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST"].includes(code)) {
    return new UserError("export_unwritable", `Cannot write the export to ${dir} (${code}); choose another --out directory.`);
  }
  return error;
}

function* map<T, U>(rows: Iterable<T>, fn: (row: T) => U): Iterable<U> {
  for (const row of rows) yield fn(row);
}

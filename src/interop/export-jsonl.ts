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
export async function runExportJsonl(store: Store, options: ExportOptions): Promise<ExportResult> {
  const paths = Object.fromEntries(FILE_KINDS.map((kind) => [kind, join(options.outDir, fileNameOf(kind))])) as Record<FileKind, string>;
  const existing = FILE_KINDS.map((kind) => paths[kind]).filter((path) => existsSync(path));
  if (existing.length > 0 && !options.force) {
    throw new UserError("export_exists", `${existing[0]} already exists; pass --force to overwrite it or choose another --out directory.`);
  }
  const { interop } = store;
  const writers: Partial<Record<FileKind, JsonlWriter>> = {};
  try {
    mkdirSync(options.outDir, { recursive: true });
    // store.snapshot, not interop.readSnapshot: the body is async, and only the store's own transaction awaits it.
    const files = await store.snapshot(async () => {
      const write = async (kind: FileKind, lines: AsyncIterable<unknown> | Iterable<unknown>): Promise<ExportedFile> => {
        const writer = jsonlWriter(paths[kind]);
        writers[kind] = writer;
        for await (const line of lines) writer.write(line);
        return { kind, path: paths[kind], ...writer.commit() };
      };
      // One file after another: each streams its rows from the same snapshot.
      return [
        await write(
          "traces",
          map(interop.iterateTraces(), (row) => traceToLine(fromRow(row))),
        ),
        await write("user_feedback", map(interop.iterateFeedback(), feedbackToLine)),
        await write("drift_metrics", map(interop.iterateDriftChecks(), driftCheckToLine)),
        await write("drift_alerts", map(interop.iterateDriftAlerts(), driftAlertToLine)),
        await write("feedback_metrics", feedbackMetricsLines(await interop.feedbackDays())),
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

async function* map<T, U>(rows: AsyncIterable<T>, fn: (row: T) => U): AsyncIterable<U> {
  for await (const row of rows) yield fn(row);
}

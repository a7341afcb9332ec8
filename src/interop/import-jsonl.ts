import { UserError } from "../errors.js";
import type { Store } from "../store/store.js";
import { kindFromFields, kindFromName } from "./detect-kind.js";
import { filesToImport } from "./import-files.js";
import { readJsonlLines } from "./jsonl-reader.js";
import { isObject, type JsonObject, LineError } from "./line-fields.js";
import { type LineImporter, lineImporter } from "./line-importers.js";
import { FILE_KINDS, type FileKind, fileNameOf } from "./original-layout.js";

export interface ImportOptions {
  /** Files, or directories holding an export's files. */
  paths: string[];
  /** Skip detection: every file is of this kind. */
  kind?: FileKind;
  /** False under MOODFOOD_REDACT_QUERIES. */
  keepQueryText: boolean;
}

export interface LineProblem {
  file: string;
  line: number;
  message: string;
}

export interface FileImport {
  path: string;
  kind: FileKind | null;
  imported: number;
  duplicates: number;
  /** feedback_metrics lines: checked, not stored (recomputed from the feedback). */
  derived: number;
  skipped: number;
}

export interface ImportResult {
  imported: Record<FileKind, number>;
  /** Already in the store (same id): a second import adds nothing. */
  duplicates: number;
  derived: number;
  /** Lines that could not be imported; the first MAX_REPORTED of them are listed in `errors`. */
  skipped: number;
  errors: LineProblem[];
  files: FileImport[];
}

export const MAX_REPORTED = 1000;

/** Imports JSONL files of the original layout (or our export of it); bad lines are reported and skipped. */
export async function runImport(store: Store, options: ImportOptions): Promise<ImportResult> {
  const result: ImportResult = {
    imported: Object.fromEntries(FILE_KINDS.map((k) => [k, 0])) as Record<FileKind, number>,
    duplicates: 0,
    derived: 0,
    skipped: 0,
    errors: [],
    files: [],
  };
  for (const path of filesToImport(options.paths)) {
    const file = await importFile(store, path, options, (problem) => {
      result.skipped++;
      if (result.errors.length < MAX_REPORTED) result.errors.push(problem);
    });
    result.files.push(file);
    if (file.kind) result.imported[file.kind] += file.imported;
    result.duplicates += file.duplicates;
    result.derived += file.derived;
  }
  return result;
}

async function importFile(store: Store, path: string, options: ImportOptions, report: (p: LineProblem) => void): Promise<FileImport> {
  const file: FileImport = { path, kind: options.kind ?? kindFromName(path) ?? null, imported: 0, duplicates: 0, derived: 0, skipped: 0 };
  let importer: LineImporter | undefined = file.kind ? lineImporter(store, file.kind, options) : undefined;
  const problem = (line: number, message: string) => {
    file.skipped++;
    report({ file: path, line, message });
  };
  try {
    for await (const batch of readJsonlLines(path)) {
      // One transaction per chunk read: fast, and a crash loses at most the chunk (a re-import fills it in).
      await store.transaction(async () => {
        for (const line of batch) {
          if (line.error !== undefined || line.text === undefined) {
            problem(line.number, line.error ?? "unreadable");
            continue;
          }
          const parsed = parseLine(line.text);
          if (typeof parsed === "string") {
            problem(line.number, parsed);
            continue;
          }
          if (!importer) {
            file.kind = kindFromFields(parsed) ?? null;
            if (!file.kind)
              throw new UserError(
                "unknown_file_kind",
                `Cannot tell which file ${path} is from its name or line ${line.number}; name it like ${FILE_KINDS.map(fileNameOf).join(", ")} or pass --as.`,
              );
            importer = lineImporter(store, file.kind, options);
          }
          try {
            const outcome = await importer(parsed);
            if (outcome === "imported") file.imported++;
            else if (outcome === "duplicate") file.duplicates++;
            else file.derived++;
          } catch (error) {
            if (isFatal(error)) throw error;
            problem(line.number, error instanceof Error ? error.message : String(error));
          }
        }
      });
    }
  } catch (error) {
    throw readError(error, path);
  }
  return file;
}

function parseLine(text: string): JsonObject | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  return isObject(value) ? value : "is not a JSON object";
}

/** A bad line is skipped; a store that cannot write (disk full, locked, corrupt) stops the import. */
function isFatal(error: unknown): boolean {
  if (error instanceof LineError) return false;
  const code = (error as { code?: unknown }).code;
  return error instanceof UserError || (typeof code === "string" && code.startsWith("SQLITE_") && !code.startsWith("SQLITE_CONSTRAINT"));
}

function readError(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === "EISDIR" || code === "EACCES" || code === "EPERM" || code === "EIO")
    return new UserError("file_unreadable", `Cannot read ${path} (${code}).`);
  return error;
}

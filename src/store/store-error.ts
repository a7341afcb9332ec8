import { UserError } from "../errors.js";

/** What a SQLite or file-system failure on the store means for the user: one sentence and a stable code. */
export function storeError(error: unknown, path: string): Error {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return new UserError("store_corrupt", `${path} is not a readable moodfood database (corrupt?); restore a backup or move it aside.`);
  }
  if (["SQLITE_READONLY", "SQLITE_CANTOPEN", "EACCES", "EROFS", "EPERM", "ENOENT", "ENOTDIR", "EEXIST"].includes(code)) {
    return new UserError("store_unwritable", `Cannot open ${path} for writing (${code}); check the data dir or pass --data-dir.`);
  }
  if (code === "SQLITE_FULL" || code === "ENOSPC") {
    return new UserError("store_full", `No space left to write ${path}; free disk space or move the data dir.`);
  }
  if (code.startsWith("SQLITE_BUSY")) {
    return new UserError(
      "store_busy",
      `Another process held ${path} locked for over 15 s, so this write was given up (a query started meanwhile keeps its trace, shown active, then abandoned); try again, or find the long writer.`,
    );
  }
  if (code.startsWith("SQLITE_IOERR")) {
    return new UserError("store_io_error", `Reading or writing ${path} failed (${code}); check the disk and the data dir.`);
  }
  return error instanceof Error ? error : new Error(message);
}

import { closeSync, openSync, readSync } from "node:fs";

const SQLITE_MAGIC = "SQLite format 3\u0000";

/**
 * Whether the file still starts as a SQLite database: 16 bytes read past SQLite's page cache, which
 * a long-lived connection keeps serving after the file under it was overwritten. Throws if unreadable.
 */
export function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const bytes = Buffer.alloc(16);
    readSync(fd, bytes, 0, 16, 0);
    return bytes.toString("latin1") === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

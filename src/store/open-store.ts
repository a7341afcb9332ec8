import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { UserError } from "../errors.js";
import { MIGRATIONS } from "./migrations.js";

export const STORE_FILE = "moodfood.db";
/** How long a writer waits for another process's transaction before giving up. */
const BUSY_TIMEOUT_MS = 15_000;

export type Db = Database.Database;

/** The addon's path, so better-sqlite3 skips `bindings`' search of a dozen candidate paths at every start. */
function nativeBinding(): string | undefined {
  try {
    const root = dirname(createRequire(import.meta.url).resolve("better-sqlite3/package.json"));
    const addon = join(root, "build", "Release", "better_sqlite3.node");
    return existsSync(addon) ? addon : undefined;
  } catch {
    return undefined;
  }
}

/** Opens (creating if needed) the store in a data dir, or ":memory:" for tests. */
export function openDatabase(dataDir: string | ":memory:"): Db {
  const path = dataDir === ":memory:" ? ":memory:" : join(dataDir, STORE_FILE);
  let db: Db;
  try {
    if (dataDir !== ":memory:") ensureDir(dataDir);
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS, nativeBinding: nativeBinding() });
    // Only takes effect on a new, empty file, and must come before WAL mode writes the header.
    db.pragma("auto_vacuum = INCREMENTAL");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db);
  } catch (error) {
    throw storeError(error, path);
  }
  return db;
}

/** mkdir -p by hand: Node's recursive mkdirSync spins forever where the kernel answers ENOENT for an existing parent (/proc). */
function ensureDir(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent);
  mkdirSync(dir);
}

function migrate(db: Db): void {
  const current = () => db.pragma("user_version", { simple: true }) as number;
  if (current() >= MIGRATIONS.length) return;
  // IMMEDIATE takes the write lock first, so two fresh processes cannot both migrate.
  db.transaction(() => {
    const version = current();
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v] as string);
    }
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

function storeError(error: unknown, path: string): Error {
  const code = (error as { code?: string }).code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new UserError("store_corrupt", `${path} is not a readable moodfood database (corrupt?); restore a backup or move it aside.`);
  }
  if (["SQLITE_READONLY", "SQLITE_CANTOPEN", "EACCES", "EROFS", "EPERM", "ENOENT", "ENOTDIR", "EEXIST"].includes(code)) {
    return new UserError("store_unwritable", `Cannot open ${path} for writing (${code}); check the data dir or pass --data-dir.`);
  }
  if (code === "SQLITE_FULL" || code === "ENOSPC") {
    return new UserError("store_full", `No space left to write ${path}; free disk space or move the data dir.`);
  }
  return error instanceof Error ? error : new Error(message);
}

export { storeError };

import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { UserError } from "../errors.js";
import { MIGRATIONS } from "./migrations.js";
import { storeError } from "./store-error.js";

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

export interface OpenOptions {
  /** Read-only: no write lock, no pragma that writes; works on a read-only mount and a full disk. */
  readonly?: boolean;
  /** How long a write waits for another process's lock; 0 for callers that retry without blocking (the server). */
  busyTimeoutMs?: number;
  /**
   * For freeing space on a full disk (prune): an exclusive connection whose rollback journal lives in memory,
   * so deleting needs no free block. The store returns to WAL on close (decision 0011).
   */
  journalInMemory?: boolean;
  /** PostgreSQL only: the instance whose rollups this process writes and its /metrics reads (src/store/instance-id.ts). */
  instance?: string;
}

/** Opens (creating if needed) the store in a data dir, or ":memory:" for tests. */
export function openDatabase(dataDir: string | ":memory:", options: OpenOptions = {}): Db {
  const path = dataDir === ":memory:" ? ":memory:" : join(dataDir, STORE_FILE);
  if (options.readonly && path !== ":memory:") return openReadOnly(path, options);
  let db: Db | undefined;
  try {
    if (dataDir !== ":memory:") ensureDir(dataDir);
    // Opening (WAL, migrations) may wait for a writer; a caller that asked for a shorter wait gets it afterwards.
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS, nativeBinding: nativeBinding() });
    if (options.journalInMemory) return journalInMemory(db);
    // Only takes effect on a new, empty file, and must come before WAL mode writes the header.
    db.pragma("auto_vacuum = INCREMENTAL");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db);
    if (options.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
  } catch (error) {
    if (db?.open) db.close(); // a half-opened connection would keep its lock
    throw storeError(error, path);
  }
  return db;
}

/**
 * A read-only connection. A data dir with no store yet reads as an empty store (nothing is created);
 * an older schema is migrated once by a short write connection. Where SQLite cannot open the WAL's
 * shared-memory file (read-only mount, full disk), the file is read into memory instead (decision 0011).
 */
function openReadOnly(path: string, options: OpenOptions): Db {
  if (!existsSync(path)) return emptyStore();
  let db: Db | undefined;
  try {
    db = new Database(path, {
      readonly: true,
      fileMustExist: true,
      timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
      nativeBinding: nativeBinding(),
    });
    const version = db.pragma("user_version", { simple: true }) as number; // the first read: opens the WAL index
    if (version >= MIGRATIONS.length) return db;
    db.close();
    openDatabase(dirname(path)).close(); // migrates
    return openReadOnly(path, options);
  } catch (error) {
    db?.close();
    if (!cannotShareWal(error)) throw storeError(error, path);
    return inMemoryCopy(path);
  }
}

function cannotShareWal(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code === "SQLITE_CANTOPEN" || code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_IOERR") || code === "SQLITE_FULL";
}

/** The file's bytes as an in-memory database; header bytes 18-19 say "rollback journal", as memory databases must. */
function inMemoryCopy(path: string): Db {
  try {
    const bytes = readFileSync(path);
    if (bytes.length >= 20) bytes.fill(1, 18, 20);
    const db = new Database(bytes, { readonly: true, nativeBinding: nativeBinding() });
    if ((db.pragma("user_version", { simple: true }) as number) < MIGRATIONS.length) {
      db.close();
      throw new UserError(
        "store_outdated",
        `${path} has an older schema and cannot be upgraded here (read-only); run moodfood once with write access.`,
      );
    }
    return db;
  } catch (error) {
    throw storeError(error, path);
  }
}

/** What a data dir without a store reads as: the current schema, no rows. */
function emptyStore(): Db {
  const db = new Database(":memory:", { nativeBinding: nativeBinding() });
  migrate(db);
  return db;
}

/** Exclusive locking keeps WAL's shared-memory file out of it; MEMORY journal writes nothing beside the database. */
function journalInMemory(db: Db): Db {
  db.pragma("locking_mode = EXCLUSIVE");
  db.pragma("journal_mode = MEMORY");
  db.pragma("foreign_keys = ON");
  if ((db.pragma("user_version", { simple: true }) as number) < MIGRATIONS.length) migrate(db);
  return db;
}

/** mkdir -p by hand: Node's recursive mkdirSync spins forever where the kernel answers ENOENT for an existing parent (/proc). */
export function ensureDir(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDir(parent);
  try {
    mkdirSync(dir);
  } catch (error) {
    // Another process created it between our check and our mkdir: first use is a race many may win.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST" || !existsSync(dir)) throw error;
  }
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

export { storeError };

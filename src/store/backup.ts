import { existsSync, linkSync, mkdtempSync, realpathSync, renameSync, rmSync, statSync, unlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UserError } from "../errors.js";
import { MIGRATIONS } from "./migrations.js";
import { type Db, openDatabase, STORE_FILE } from "./open-store.js";
import { storeError } from "./store-error.js";

export interface BackupResult {
  path: string;
  bytes: number;
  traces: number;
  schema_version: number;
}

/** Copy every page in one step: one consistent snapshot, never restarted by another process's write (WAL readers do not block writers). */
const ALL_PAGES = 0x7fffffff;

/**
 * SQLite's online backup of the store into `target`: written as a store in a temporary directory beside
 * it, opened there as moodfood opens a store and checked (quick_check, schema, trace count), closed clean
 * (one file, no -wal beside it), then moved into place. An existing `target` is refused unless `force`.
 */
export async function backupDatabase(db: Db, target: string, force: boolean): Promise<BackupResult> {
  const path = resolve(target);
  refuseUnsafeTarget(db, path, force);
  const workDir = mkdtempSync(join(dirname(path), ".moodfood-backup-"));
  const temp = join(workDir, STORE_FILE);
  try {
    await db.backup(temp, { progress: () => ALL_PAGES });
    const { traces, version } = verify(workDir);
    moveIntoPlace(temp, path, force);
    return { path, bytes: statSync(path).size, traces, schema_version: version };
  } catch (error) {
    throw backupError(error, path);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function refuseUnsafeTarget(db: Db, path: string, force: boolean): void {
  if (!existsSync(dirname(path)))
    throw new UserError("backup_no_dir", `Cannot write ${path}: the directory ${dirname(path)} does not exist.`);
  if (!existsSync(path)) return;
  const live = db.name !== "" && db.name !== ":memory:" && existsSync(db.name) ? realpathSync(db.name) : null;
  if (live !== null && [live, `${live}-wal`, `${live}-shm`].includes(realpathSync(path))) {
    throw new UserError("backup_onto_store", `${path} is the store itself; back up to another file.`);
  }
  if (!force) throw new UserError("backup_exists", `${path} already exists; choose another file or pass --force to replace it.`);
}

/** Opens the copy as moodfood opens a store: it must pass quick_check and hold the current schema. */
function verify(dataDir: string): { traces: number; version: number } {
  const copy = openDatabase(dataDir);
  try {
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok")
      throw new UserError("backup_corrupt", `The copy failed SQLite's quick_check (${String(check)}); the store was not backed up.`);
    const version = copy.pragma("user_version", { simple: true }) as number;
    if (version < MIGRATIONS.length) throw new UserError("backup_schema", `The copy has schema ${version}, expected ${MIGRATIONS.length}.`);
    const traces = (copy.prepare("SELECT count(*) AS n FROM traces").get() as { n: number }).n;
    return { traces, version };
  } finally {
    copy.close(); // the last connection checkpoints and removes the -wal: one file to copy off the machine
  }
}

/** link() refuses an existing name atomically, so two backups racing to one file cannot both win. */
function moveIntoPlace(temp: string, path: string, force: boolean): void {
  if (force) {
    renameSync(temp, path);
    return;
  }
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST")
      throw new UserError("backup_exists", `${path} already exists; choose another file or pass --force to replace it.`);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw error;
    if (existsSync(path))
      throw new UserError("backup_exists", `${path} already exists; choose another file or pass --force to replace it.`);
    renameSync(temp, path); // a file system without hard links
    return;
  }
  unlinkSync(temp);
}

function backupError(error: unknown, path: string): Error {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? "";
  if (code === "ENOSPC" || code === "SQLITE_FULL")
    return new UserError("backup_full", `No space left to write ${path}; free disk space or back up elsewhere.`);
  if (["EACCES", "EPERM", "EROFS", "SQLITE_CANTOPEN", "SQLITE_READONLY"].includes(code)) {
    return new UserError("backup_unwritable", `Cannot write ${path} (${code}); choose a writable directory.`);
  }
  return storeError(error, path);
}

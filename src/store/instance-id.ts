import { randomBytes } from "node:crypto";
import { closeSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { UserError } from "../errors.js";
import { ensureDir } from "./open-store.js";

/** The file in a data dir that names its instance, so restarts keep writing the same rollups. */
export const INSTANCE_FILE = "instance-id";
const VALID = /^[A-Za-z0-9._-]{1,64}$/;
const cache = new Map<string, string>();
const UNWRITABLE = new Set(["EROFS", "EACCES", "EPERM", "ENOSPC", "ENOTDIR", "ENOENT", "EISDIR"]);

/**
 * Which instance of a fleet sharing one PostgreSQL store this process is: its metric rollups are kept
 * under this id. MOODFOOD_INSTANCE when set; else the id stored in the data dir, made on first use.
 */
export function instanceId(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const given = env.MOODFOOD_INSTANCE;
  if (given !== undefined) {
    if (!VALID.test(given)) {
      throw new UserError(
        "instance_invalid",
        `MOODFOOD_INSTANCE must be 1-64 of A-Z, a-z, 0-9, '.', '_' and '-', not ${JSON.stringify(given)}.`,
      );
    }
    return given;
  }
  let id = cache.get(dataDir);
  if (id === undefined) {
    id = storedId(dataDir);
    cache.set(dataDir, id);
  }
  return id;
}

/** The data dir's id; the first process to link its file in wins and every other one reads that. */
function storedId(dataDir: string): string {
  if (dataDir === ":memory:") return newId(); // a store with no directory: this process's own id
  const path = join(dataDir, INSTANCE_FILE);
  const existing = readId(path);
  if (existing !== undefined) return existing;
  const id = newId();
  try {
    ensureDir(dataDir);
    // Written whole under a private name, then linked in: a reader never sees a half-written id.
    const temp = join(dataDir, `.${INSTANCE_FILE}-${process.pid}-${randomBytes(4).toString("hex")}`);
    const fd = openSync(temp, "wx");
    try {
      writeSync(fd, `${id}\n`);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, path);
      return id;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      return readId(path) ?? id;
    } finally {
      unlinkSync(temp);
    }
  } catch (error) {
    // Only an unwritable data dir (a read-only mount) falls back to this process's own id; a damaged id file is said.
    if (!UNWRITABLE.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    return id;
  }
}

function readId(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
  if (!VALID.test(text)) {
    throw new UserError("instance_invalid", `${path} holds no valid instance id; delete it (a new one is made) or set MOODFOOD_INSTANCE.`);
  }
  return text;
}

/** The host's first name label, tidied to the id's characters, and 6 hex digits. */
function newId(): string {
  const host = (hostname().split(".")[0] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${host || "moodfood"}-${randomBytes(3).toString("hex")}`;
}

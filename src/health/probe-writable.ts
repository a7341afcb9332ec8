import { closeSync, existsSync, fsyncSync, openSync, unlinkSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";

export type WriteProbe = { ok: true } | { ok: false; code: string };

const PROBE_BYTES = Buffer.alloc(4096);

/**
 * Whether a file can be written in `dir`: creates a uniquely named file, writes one 4 KiB block
 * (an empty file can still be created on a full disk), syncs and removes it. Touches nothing else.
 */
export function probeWritable(dir: string): WriteProbe {
  const path = join(dir, `.moodfood-health-${process.pid}-${Date.now().toString(36)}`);
  let fd: number | undefined;
  try {
    fd = openSync(path, "wx");
    writeSync(fd, PROBE_BYTES);
    fsyncSync(fd);
    return { ok: true };
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code ?? "error" };
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
      try {
        unlinkSync(path);
      } catch {
        // a probe left behind is harmless; it is never read
      }
    }
  }
}

/** The directory itself if it exists, else its nearest existing ancestor (what a mkdir -p would write into). */
export function nearestExisting(dir: string): string {
  let current = dir;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

/** Why a write failed, in words. */
export function describeWriteError(code: string): string {
  switch (code) {
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
    case "EDQUOT":
      return "no space left";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return code;
  }
}

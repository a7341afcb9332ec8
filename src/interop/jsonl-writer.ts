import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";

/** Flush to disk every ~1 MiB: memory stays flat however many lines there are. */
const CHUNK_CHARS = 1 << 20;

export interface JsonlWriter {
  write(value: unknown): void;
  /** Flushes and moves the file into place; returns the line count and size. */
  commit(): { lines: number; bytes: number };
  /** Removes the partial file after a failure. */
  abort(): void;
}

/** Writes JSON lines to `<path>.partial`, renamed to `path` on commit, so a failed export never leaves a truncated file. */
export function jsonlWriter(path: string): JsonlWriter {
  const partial = `${path}.partial`;
  const fd = openSync(partial, "w");
  let open = true;
  let buffer = "";
  let lines = 0;
  let bytes = 0;
  const flush = () => {
    if (buffer === "") return;
    bytes += writeSync(fd, buffer);
    buffer = "";
  };
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(value) {
      buffer += `${JSON.stringify(value)}\n`;
      lines++;
      if (buffer.length >= CHUNK_CHARS) flush();
    },
    commit() {
      flush();
      close();
      renameSync(partial, path);
      return { lines, bytes };
    },
    abort() {
      close();
      rmSync(partial, { force: true });
    },
  };
}

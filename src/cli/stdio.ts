import { fstatSync, writeSync } from "node:fs";
import { createRequire } from "node:module";

// process.stdout is a lazily built stream whose creation loads Node's whole stream stack (~8 ms of
// every start). A CLI that prints a few lines can write the file descriptor directly instead.

/** File descriptors whose reader has gone (`moodfood trace list | head -1`): further output is dropped. */
const closed = new Set<number>();

/** Writes all of `text` to fd 1 or 2, blocking; falls back to the stream if the fd is non-blocking. */
export function writeFd(fd: 1 | 2, text: string): void {
  if (closed.has(fd)) return;
  const bytes = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // A closed pipe is the reader saying "enough", not a failure of the command.
      if (code === "EPIPE") {
        closed.add(fd);
        return;
      }
      if (code !== "EAGAIN") throw error;
      const stream = fd === 1 ? process.stdout : process.stderr;
      stream.on("error", (streamError: NodeJS.ErrnoException) => {
        if (streamError.code !== "EPIPE") throw streamError;
      });
      stream.write(bytes.subarray(offset));
      return;
    }
  }
}

/** Whether fd 1 is a terminal, without building process.stdout: files, pipes and /dev/null answer from fstat. */
export function stdoutIsTerminal(): boolean {
  try {
    const stat = fstatSync(1);
    if (!stat.isCharacterDevice() || stat.rdev === 0x103) return false; // 1:3 is /dev/null on Linux
  } catch {
    return false;
  }
  return (createRequire(import.meta.url)("node:tty") as typeof import("node:tty")).isatty(1);
}

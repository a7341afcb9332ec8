import { createReadStream } from "node:fs";

/** One line of a JSONL file: its text, or why it cannot be read. Blank lines are not reported. */
export interface JsonlLine {
  number: number;
  text?: string;
  error?: string;
}

/** A line longer than this is reported rather than buffered (a binary file, a missing newline). */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * Streams a file as batches of lines (one batch per chunk read), so a million-line file never sits in memory.
 * Lines split on LF (CRLF works too); each must be valid UTF-8 on its own, and a bad one does not spoil the rest.
 */
export async function* readJsonlLines(path: string): AsyncGenerator<JsonlLine[]> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let carry: Buffer[] = [];
  let carried = 0;
  let number = 0;

  const finish = (tail: Buffer): JsonlLine | undefined => {
    number++;
    return decodeLine(decoder, number, carried > 0 ? Buffer.concat([...carry, tail]) : tail);
  };

  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const batch: JsonlLine[] = [];
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      const line = finish(chunk.subarray(start, newline));
      if (line) batch.push(line);
      carry = [];
      carried = 0;
      start = newline + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0) {
      if (carried + rest.length > MAX_LINE_BYTES) {
        // Not a JSONL file (a binary, /dev/zero): report it and read no further, so no input runs forever.
        number++;
        batch.push({ number, error: `line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB; the rest of the file was not read` });
        yield batch;
        return;
      } else {
        carry.push(rest);
        carried += rest.length;
      }
    }
    if (batch.length > 0) yield batch;
  }
  if (carried > 0) {
    const line = finish(Buffer.alloc(0));
    if (line) yield [line];
  }
}

function decodeLine(decoder: TextDecoder, number: number, bytes: Buffer): JsonlLine | undefined {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { number, error: "is not valid UTF-8" };
  }
  // The decoder drops a byte-order mark at the start; CR comes from Windows line ends.
  text = text.trim();
  return text === "" ? undefined : { number, text };
}

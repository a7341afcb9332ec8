import { UserError } from "../errors.js";
import { FileTooLargeError, readBoundedFile } from "../read-bounded-file.js";
import { scanSamples } from "./scan-samples.js";

/**
 * Reads a file of numbers, either a JSON array (`[0.1, 0.2]`) or one number per line (blank
 * lines ignored), into a Float64Array. A missing or unreadable file, an empty one, or any value
 * that is not a finite number raises a UserError whose one-sentence message names the file and,
 * for a bad value, its line.
 */
/** Ten million numbers as text fit; a device or a runaway file does not. */
const MAX_SAMPLE_BYTES = 256 << 20;

export function readSamples(path: string): Float64Array {
  let bytes: Buffer;
  try {
    bytes = readBoundedFile(path, MAX_SAMPLE_BYTES);
  } catch (error) {
    if (error instanceof FileTooLargeError)
      throw new UserError("drift_input_too_large", `${path} is larger than 256 MiB; sample it first.`);
    throw new UserError("drift_input_unreadable", `Cannot read ${path}: ${describeFsError(error)}.`);
  }
  const result = scanSamples(bytes);
  if (!result.ok) throw new UserError("drift_input_invalid", `${path}: ${result.problem}.`);
  return result.values;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

import { existsSync } from "node:fs";

// The team's shared design folder sits beside the main checkout; a fresh clone has none.
const SHARED = new URL("../../../shared/", import.meta.url);

/** Path of a file in ../shared, or undefined after one line saying which check did not run. */
export function sharedFile(relative: string, what: string): string | undefined {
  const path = new URL(relative, SHARED).pathname;
  if (existsSync(path)) return path;
  console.warn(`SKIPPED: ${what} did not run: ../shared/${relative} is absent (it sits beside the main checkout, not in a clone).`);
  return undefined;
}

// `moodfood query` whole process vs a bare `node -e 0`, side by side (issue: foundation, DESIGN §14).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareProcesses, printComparison } from "./lib/timing.mjs";

const dataDir = mkdtempSync(join(tmpdir(), "mf-bench-"));
const bin = new URL("../bin/moodfood.cjs", import.meta.url).pathname;
const results = compareProcesses([
  ["node -e 0", process.execPath, ["-e", "0"]],
  ["moodfood query (human output)", process.execPath, [bin, "--data-dir", dataDir, "query", "I'm sad and it's freezing outside"]],
  ["moodfood query --json", process.execPath, [bin, "--data-dir", dataDir, "query", "--json", "stressed, need something quick"]],
]);
printComparison("query whole process vs node -e 0", results, 1.6);
rmSync(dataDir, { recursive: true, force: true });

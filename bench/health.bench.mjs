// `moodfood health` whole process vs `moodfood query` whole process, side by side (issue 12: health ≤ 2× query).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareProcesses, printComparison } from "./lib/timing.mjs";

const bin = new URL("../bin/moodfood.cjs", import.meta.url).pathname;
const small = mkdtempSync(join(tmpdir(), "mf-bench-health-"));
const large = mkdtempSync(join(tmpdir(), "mf-bench-health-"));

// A port nothing listens on: the metrics-server check probes it and finds "not running", as for a CLI-only user.
const blocker = createServer();
await new Promise((resolve) => blocker.listen(0, "127.0.0.1", resolve));
const port = String(blocker.address().port);
await new Promise((resolve) => blocker.close(resolve));
const env = { ...process.env, PROMETHEUS_PORT: port };

spawnSync(process.execPath, [bin, "--data-dir", small, "query", "I'm sad"], { env });
spawnSync(process.execPath, [bin, "--data-dir", large, "simulate", "--days", "7", "--per-day", "1000"], { env });
for (const dir of [small, large]) {
  const first = spawnSync(process.execPath, [bin, "--data-dir", dir, "health"], { env, encoding: "utf8" });
  if (first.status !== 0) console.log(`note: health exits ${first.status} here:\n${first.stdout}`);
}

const options = { env };
const query = (dir) => [process.execPath, [bin, "--data-dir", dir, "query", "I'm sad and it's freezing outside"]];
const health = (dir, ...args) => [process.execPath, [bin, "--data-dir", dir, "health", ...args]];
// health exits 1 or 2 when something is wrong; the bench needs a healthy machine, so it runs on fresh dirs.
printComparison(
  "health whole process vs query whole process (store with one query)",
  compareProcesses(
    [
      ["moodfood query", ...query(small)],
      ["moodfood health", ...health(small)],
      ["moodfood health --json", ...health(small, "--json")],
    ],
    { options },
  ),
  2,
);
printComparison(
  "health whole process vs query whole process (store with 7,000 traces: quick_check reads every page)",
  compareProcesses(
    [
      ["moodfood query", ...query(large)],
      ["moodfood health", ...health(large)],
    ],
    { options },
  ),
  2,
);
for (const dir of [small, large]) rmSync(dir, { recursive: true, force: true });

// `moodfood simulate --days 7 --per-day 1000` whole process, each run into a fresh data dir (DESIGN §14: <= 10 s).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, timeProcess } from "./lib/timing.mjs";

const BUDGET_MS = 10_000;
const RUNS = Number(process.env.MOODFOOD_BENCH_RUNS ?? 5);
const bin = new URL("../bin/moodfood.cjs", import.meta.url).pathname;

const times = [];
for (let i = 0; i < RUNS; i++) {
  const dataDir = mkdtempSync(join(tmpdir(), "mf-bench-sim-"));
  try {
    times.push(
      timeProcess(process.execPath, [
        bin,
        "--data-dir",
        dataDir,
        "simulate",
        "--days",
        "7",
        "--per-day",
        "1000",
        "--seed",
        String(i + 1),
        "--json",
      ]),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const m = median(times);
console.log("\n## simulate --days 7 --per-day 1000 (7,000 queries), whole process, fresh data dir");
console.log(`  runs ${times.map((t) => (t / 1000).toFixed(2)).join(" s, ")} s`);
console.log(
  `  median ${(m / 1000).toFixed(2)} s  (${(m / 7000).toFixed(3)} ms per query)  ${m <= BUDGET_MS ? "ok" : "OVER"} (budget ${BUDGET_MS / 1000} s)`,
);

// `moodfood retrain --json` whole process after a simulated feedback stream (issue 11: <= 10 s).
// One store is prepared once (simulate --days 7 --per-day 1000, feedback rate 0.3); every run retrains from it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, timeProcess } from "./lib/timing.mjs";

const BUDGET_MS = 10_000;
const RUNS = Number(process.env.MOODFOOD_BENCH_RUNS ?? 5);
const bin = new URL("../bin/moodfood.cjs", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "mf-bench-retrain-"));
try {
  const args = ["--data-dir", dataDir, "simulate", "--days", "7", "--per-day", "1000", "--seed", "5", "--feedback-rate", "0.3", "--json"];
  const sim = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  if (sim.status !== 0) throw new Error(`simulate failed: ${sim.stderr}`);
  const buffer = JSON.parse(
    spawnSync(process.execPath, [bin, "--data-dir", dataDir, "feedback", "buffer", "--json"], { encoding: "utf8" }).stdout,
  );
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(timeProcess(process.execPath, [bin, "--data-dir", dataDir, "retrain", "--json"]));
  const m = median(times);
  console.log(`\n## retrain, whole process (training data + a buffer of ${buffer.size} feedback examples, gate scoring, run recorded)`);
  console.log(`  runs ${times.map((t) => (t / 1000).toFixed(2)).join(" s, ")} s`);
  console.log(`  median ${(m / 1000).toFixed(2)} s  ${m <= BUDGET_MS ? "ok" : "OVER"} (budget ${BUDGET_MS / 1000} s)`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

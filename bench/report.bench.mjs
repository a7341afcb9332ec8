// `moodfood report weekly` (DESIGN §14): the weekly report over 1,000,000 stored traces ≤ 2 s, whole
// process, beside a bare `node -e 0` run alternately. The store is the one trace-store.bench.mjs builds
// (real simulated traces cloned over 90 days, with their rollups), so the default week holds ~78,000 traces.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSource } from "./lib/load-source.mjs";
import { compareProcesses } from "./lib/timing.mjs";

const TOTAL = Number(process.env.MOODFOOD_BENCH_TRACES ?? 1_000_000);
const bigDir = new URL(`./.out/traces-${TOTAL}-v4`, import.meta.url).pathname;
const bin = new URL("../bin/moodfood.cjs", import.meta.url).pathname;
if (!existsSync(`${bigDir}/moodfood.db`)) {
  const built = spawnSync(process.execPath, [new URL("./trace-store.bench.mjs", import.meta.url).pathname], { stdio: "inherit" });
  if (!existsSync(`${bigDir}/moodfood.db`)) throw new Error(`trace-store.bench.mjs did not build ${bigDir} (exit ${built.status})`);
}

const out = mkdtempSync(join(tmpdir(), "mf-report-bench-"));
// The fixture's traces end when it was built: the last complete week of its data, not of today.
const { lastCompleteWeek, weekPeriod } = await loadSource("src/report/iso-week.ts");
const probe = spawnSync(process.execPath, [bin, "--data-dir", bigDir, "trace", "list", "--limit", "1", "--json"], { encoding: "utf8" });
const newest = Date.parse(JSON.parse(probe.stdout).traces[0].started_at);
const week = weekPeriod(lastCompleteWeek(newest, "UTC"), "UTC");
const args = (format) => [
  bin,
  "--data-dir",
  bigDir,
  "report",
  "weekly",
  "--week",
  week.week,
  "--format",
  format,
  "--out",
  join(out, `r.${format}`),
];

const results = compareProcesses(
  [
    ["node -e 0", process.execPath, ["-e", "0"]],
    ["report weekly --format md", process.execPath, args("md")],
    ["report weekly --format html", process.execPath, args("html")],
    ["report weekly --format json", process.execPath, args("json")],
  ],
  { runs: 11, warmup: 2 },
);
const report = JSON.parse(readFileSync(join(out, "r.json"), "utf8"));
const [base, ...rest] = results;
console.log(
  `\n## report weekly at ${TOTAL.toLocaleString("en")} stored traces (${report.week}: ${report.queries.total.toLocaleString("en")} queries that week; medians of ${base.runs} runs)`,
);
console.log(`  ${base.label.padEnd(32)} ${base.median.toFixed(1)} ms`);
for (const r of rest) {
  console.log(
    `  ${r.label.padEnd(32)} ${r.median.toFixed(1)} ms  ${(r.median / base.median).toFixed(2)}x node -e 0  ${r.median <= 2000 ? "ok" : "OVER"} (budget 2000 ms)`,
  );
}

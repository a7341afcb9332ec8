// `moodfood report weekly` (DESIGN §14): the weekly report over 1,000,000 stored traces ≤ 2 s, whole
// process, beside a bare `node -e 0` run alternately. The store is the one trace-store.bench.mjs builds
// (real simulated traces cloned over 90 days, with their rollups), so the default week holds ~78,000 traces.
// The same history is then copied to PostgreSQL with `moodfood migrate` (timed; a private cluster with fsync
// on, or MOODFOOD_BENCH_DATABASE_URL) and the report is timed on both stores in the same alternating rounds.
// MOODFOOD_BENCH_TRACES picks a smaller N for a quick run; the output says which N was used.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { loadSource } from "./lib/load-source.mjs";
import { SKIPPED, startPostgres, withSchema } from "./lib/postgres-cluster.mjs";
import { median, timeProcess } from "./lib/timing.mjs";

const TOTAL = Number(process.env.MOODFOOD_BENCH_TRACES ?? 1_000_000);
const RUNS = 11;
const WARMUP = 2;
const SCHEMA = "bench_report";
const bigDir = new URL(`./.out/traces-${TOTAL}-v4`, import.meta.url).pathname;
const bin = new URL("../bin/moodfood.cjs", import.meta.url).pathname;
// Every moodfood process here runs on the store it is given, whatever the caller's environment says.
const sqliteEnv = { ...process.env };
delete sqliteEnv.MOODFOOD_DATABASE_URL;
if (!existsSync(`${bigDir}/moodfood.db`)) {
  const built = spawnSync(process.execPath, [new URL("./trace-store.bench.mjs", import.meta.url).pathname], {
    stdio: "inherit",
    env: sqliteEnv,
  });
  if (!existsSync(`${bigDir}/moodfood.db`)) throw new Error(`trace-store.bench.mjs did not build ${bigDir} (exit ${built.status})`);
}

const out = mkdtempSync(join(tmpdir(), "mf-report-bench-"));
// The fixture's traces end when it was built: the last complete week of its data, not of today.
const { lastCompleteWeek, weekPeriod } = await loadSource("src/report/iso-week.ts");
const probe = spawnSync(process.execPath, [bin, "--data-dir", bigDir, "trace", "list", "--limit", "1", "--json"], {
  encoding: "utf8",
  env: sqliteEnv,
});
const newest = Date.parse(JSON.parse(probe.stdout).traces[0].started_at);
const week = weekPeriod(lastCompleteWeek(newest, "UTC"), "UTC");
const args = (format, store) => [
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
  join(out, `r-${store}.${format}`),
];

// The same history on PostgreSQL: a fresh copy into the bench's own schema, timed, with migrate's own verification.
const postgres = await startPostgres();
let pgEnv;
let migrateLines = [];
let migrateMs = 0;
let analyzeMs = 0;
try {
  if (postgres) {
    const url = withSchema(postgres.url, SCHEMA);
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    try {
      // The schema is the bench's own: drop what an earlier run (or another N) left, so the copy is a whole one.
      await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      const started = performance.now();
      const migrated = spawnSync(process.execPath, [bin, "--data-dir", bigDir, "migrate", "--to", url], {
        encoding: "utf8",
        env: sqliteEnv,
      });
      migrateMs = performance.now() - started;
      if (migrated.status !== 0) throw new Error(`moodfood migrate exited ${migrated.status}: ${migrated.stderr}`);
      migrateLines = migrated.stdout.trim().split("\n");
      // Fresh tables have no planner statistics until autovacuum gets to them; a served store has them: gather them now.
      const analyzed = performance.now();
      await admin.query(`VACUUM (ANALYZE) ${["traces", "counter_rollups", "histogram_rollups"].map((t) => `${SCHEMA}.${t}`).join(", ")}`);
      analyzeMs = performance.now() - analyzed;
    } finally {
      await admin.end();
    }
    pgEnv = { ...sqliteEnv, MOODFOOD_DATABASE_URL: url };
  }

  // Alternating rounds: every command once per round, so machine noise hits all alike; medians after the warm-up.
  const entries = [
    ["node -e 0", ["-e", "0"], sqliteEnv],
    ["SQLite report weekly --format md", args("md", "sqlite"), sqliteEnv],
    ["SQLite report weekly --format html", args("html", "sqlite"), sqliteEnv],
    ["SQLite report weekly --format json", args("json", "sqlite"), sqliteEnv],
    ...(pgEnv
      ? [
          ["PostgreSQL report weekly --format md", args("md", "pg"), pgEnv],
          ["PostgreSQL report weekly --format json", args("json", "pg"), pgEnv],
        ]
      : []),
  ];
  const times = entries.map(() => []);
  for (let round = 0; round < WARMUP + RUNS; round++) {
    entries.forEach(([, argv, env], i) => {
      const ms = timeProcess(process.execPath, argv, { env });
      if (round >= WARMUP) times[i].push(ms);
    });
  }
  const results = Object.fromEntries(entries.map(([label], i) => [label, median(times[i])]));

  const report = JSON.parse(readFileSync(join(out, "r-sqlite.json"), "utf8"));
  const base = results["node -e 0"];
  console.log(
    `\n## report weekly at N = ${TOTAL.toLocaleString("en")} stored traces (${report.week}: ${report.queries.total.toLocaleString("en")} queries that week; medians of ${RUNS} alternating runs)`,
  );
  console.log(`  ${"node -e 0".padEnd(40)} ${base.toFixed(1)} ms`);
  for (const [label, ms] of Object.entries(results)) {
    if (label === "node -e 0") continue;
    console.log(
      `  ${label.padEnd(40)} ${ms.toFixed(1)} ms  ${(ms / base).toFixed(2)}x node -e 0  ${ms <= 2000 ? "ok" : "OVER"} (budget 2000 ms)`,
    );
  }
  if (!pgEnv) {
    console.log(`  ${"PostgreSQL report weekly".padEnd(40)} ${SKIPPED}`);
  } else {
    for (const format of ["md", "json"]) {
      const ratio = results[`PostgreSQL report weekly --format ${format}`] / results[`SQLite report weekly --format ${format}`];
      console.log(`  PostgreSQL/SQLite, --format ${format.padEnd(4)}            ${ratio.toFixed(2)}x`);
    }
    // The two stores must tell the same week; only the time it was generated may differ.
    const pgReport = JSON.parse(readFileSync(join(out, "r-pg.json"), "utf8"));
    const same = (r) => JSON.stringify({ ...r, generated_at: undefined });
    const agree = same(report) === same(pgReport);
    console.log(
      `  reports agree: ${agree ? "yes" : "NO"} (PostgreSQL week ${pgReport.week}: ${pgReport.queries.total.toLocaleString("en")} queries)`,
    );
    console.log(
      `  migrate --to ...?schema=${SCHEMA} (${postgres.description}): ${(migrateMs / 1000).toFixed(1)} s whole process, then VACUUM (ANALYZE) ${(analyzeMs / 1000).toFixed(1)} s`,
    );
    for (const line of migrateLines.filter((l) => !/^(To run on PostgreSQL| {2}MOODFOOD_DATABASE_URL=)/.test(l)))
      console.log(`    ${line}`);
    if (!agree) process.exitCode = 1;
  }
} finally {
  postgres?.stop();
  rmSync(out, { recursive: true, force: true });
}

// Trace reads at scale (DESIGN §14): with 1,000,000 stored traces, `trace <prefix>` ≤ 5 ms and
// `trace list` ≤ 20 ms in process, the store ≤ 1 KiB per trace. Floor: SQLite's own primary-key
// lookup on the same table, run side by side.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { loadSource } from "./lib/load-source.mjs";
import { median } from "./lib/timing.mjs";

const TOTAL = Number(process.env.MOODFOOD_BENCH_TRACES ?? 1_000_000);
const out = new URL("./.out/", import.meta.url).pathname;
const sampleDir = `${out}trace-sample`;
const bigDir = `${out}traces-${TOTAL}-v4`;
const bin = new URL("../bin/moodfood.cjs", import.meta.url).pathname;
const fixture = await loadSource("bench/lib/trace-store-fixture.ts");

if (!existsSync(`${sampleDir}/moodfood.db`)) {
  mkdirSync(sampleDir, { recursive: true });
  const r = spawnSync(
    process.execPath,
    [bin, "--data-dir", sampleDir, "simulate", "--days", "2", "--per-day", "1000", "--seed", "7", "--json"],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  if (r.status !== 0) throw new Error("simulate failed");
}
const started = performance.now();
await fixture.cloneInto(sampleDir, bigDir, TOTAL, Date.now());
const built = (performance.now() - started) / 1000;
if (built > 1) console.log(`  (built ${TOTAL} traces in ${built.toFixed(0)} s; cached in ${bigDir})`);

const store = await fixture.openStore(bigDir);
const count = await store.traces.count();
// The floor is SQLite's own primary-key lookup, on a raw connection of the bench's own (the store hands out none).
const raw = new Database(`${bigDir}/moodfood.db`, { readonly: true });
const ids = raw.prepare("SELECT trace_id, id FROM traces WHERE id % 4999 = 0 LIMIT 200").all();
const byPk = raw.prepare("SELECT * FROM traces WHERE id = ?");

async function timeEach(fn, inputs, rounds = 3) {
  const times = [];
  for (let r = 0; r < rounds; r++)
    for (const input of inputs) {
      const t = performance.now();
      await fn(input);
      times.push(performance.now() - t);
    }
  return median(times);
}

const floor = await timeEach((row) => byPk.get(row.id), ids);
// An 8-character prefix is unique for all but a few of a million ids; the bench times only those (as a user's would be).
const uniqueIds = [];
for (const row of ids) if ((await store.traces.findByPrefix(row.trace_id.slice(0, 8), 2)).length === 1) uniqueIds.push(row);
const prefix = await timeEach((row) => fixture.findTrace(store, row.trace_id.slice(0, 8)), uniqueIds);
const full = await timeEach((row) => fixture.findTrace(store, row.trace_id), ids);
const lists = {
  "trace list (20, newest)": () => store.traces.list({ limit: 20 }),
  "trace list --limit 1000": () => store.traces.list({ limit: 1000 }),
  "trace list --decision ml_only": () => store.traces.list({ limit: 20, decision: "ml_only" }),
  "trace list --since 7d --min-ms 2": () => store.traces.list({ limit: 20, since: Date.now() - 7 * 86_400_000, minMs: 2 }),
};

const bytes = statSync(`${bigDir}/moodfood.db`).size;
console.log(`\n## trace store at ${count.toLocaleString("en")} traces (medians of ${ids.length * 3} lookups)`);
console.log(`  SQLite primary-key lookup (floor)      ${floor.toFixed(3)} ms`);
console.log(
  `  trace <8-char prefix>                  ${prefix.toFixed(3)} ms  ${(prefix / floor).toFixed(1)}x floor  ${prefix <= 5 ? "ok" : "OVER"} (budget 5 ms)`,
);
console.log(`  trace <full id>                        ${full.toFixed(3)} ms  ${(full / floor).toFixed(1)}x floor`);
for (const [name, fn] of Object.entries(lists)) {
  const ms = await timeEach(fn, [0], 21);
  const verdict = name.includes("1000") ? "(no budget: 50x the default page)" : ms <= 20 ? "ok (budget 20 ms)" : "OVER (budget 20 ms)";
  console.log(`  ${name.padEnd(38)} ${ms.toFixed(3)} ms  ${verdict}`);
}
await store.close();
const perTrace = bytes / count;
console.log(
  `  store size ${(bytes / 2 ** 20).toFixed(0)} MiB = ${perTrace.toFixed(0)} bytes/trace  ${perTrace <= 1024 ? "ok" : "OVER"} (budget 1024)`,
);

// The LLM circuit breaker's cost per call while the circuit is closed (decision 0020): the shipped
// breaker (reads only) against the previous one (two IMMEDIATE transactions a call) and against no
// breaker, on a file store; alone, then while another process keeps taking the write lock.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadSource } from "./lib/load-source.mjs";
import { median } from "./lib/timing.mjs";

const CALLS = Number(process.env.MOODFOOD_BENCH_CALLS ?? 2000);
const ROUNDS = Number(process.env.MOODFOOD_BENCH_ROUNDS ?? 5);
const { openStore, withCircuitBreaker, lockingBreaker, instant } = await loadSource("bench/lib/breaker-fixture.ts");
const query = { text: "sad", truncated: false, diets: [], allergens: [], negatedLabels: [] };

const dir = mkdtempSync(join(tmpdir(), "mf-bench-breaker-"));
const store = await openStore(dir);
const contenders = { none: instant, shipped: withCircuitBreaker(instant, store), previous: lockingBreaker(instant, store) };

async function callTimes(provider) {
  const times = [];
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await provider.parse(query);
    times.push(performance.now() - t);
  }
  return times;
}

/** Another process writing in short transactions (2 ms holding the lock, 2 ms free), as a busy writer does. */
async function startWriter() {
  const code = `const db = new (require("better-sqlite3"))(${JSON.stringify(join(dir, "moodfood.db"))}, { timeout: 15000 });
  const put = db.prepare("INSERT OR REPLACE INTO meta (key, value, updated_at) VALUES ('bench.writer', '1', ?)");
  const spin = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
  console.log("ready");
  for (;;) { db.transaction(() => { put.run(Date.now()); spin(2); }).immediate(); spin(2); }`;
  const child = spawn(process.execPath, ["-e", code], {
    cwd: new URL("..", import.meta.url).pathname,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await once(child.stdout, "data");
  return child;
}

const pct = (times, p) => [...times].sort((a, b) => a - b)[Math.floor((times.length - 1) * p)];
for (const scenario of ["alone", "with a writer"]) {
  const writer = scenario === "alone" ? null : await startWriter();
  const runs = Object.fromEntries(Object.keys(contenders).map((name) => [name, { per: [], p99: [], max: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, provider] of Object.entries(contenders)) {
      const times = await callTimes(provider);
      runs[name].per.push(times.reduce((a, b) => a + b, 0) / times.length);
      runs[name].p99.push(pct(times, 0.99));
      runs[name].max.push(Math.max(...times));
    }
  }
  writer?.kill();
  const shipped = median(runs.shipped.per);
  console.log(`llm breaker, closed circuit, ${scenario} (${CALLS} calls x ${ROUNDS} rounds, medians of rounds):`);
  for (const name of Object.keys(contenders)) {
    const per = median(runs[name].per);
    const us = (ms) => `${(ms * 1000).toFixed(1)} µs`.padStart(10);
    console.log(
      `  ${name.padEnd(8)} mean ${us(per)}  p99 ${us(median(runs[name].p99))}  max ${us(median(runs[name].max))}  ${(per / shipped).toFixed(2)}x shipped`,
    );
  }
}
await store.close();

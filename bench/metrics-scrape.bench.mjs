// A /metrics scrape (HTTP, as Prometheus does it) of `moodfood metrics serve` over 1,000,000 stored
// traces vs 10,000 traces with the same label sets, side by side (DESIGN §14: ≤ 20 ms; rollups make
// it O(series), so the ratio should stay near 1x as history grows). An empty store shows the floor.
// The synthetic stores are cached in bench/.out/; MOODFOOD_BENCH_TRACES changes the big one's size.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServe } from "./lib/serve-process.mjs";
import { synthesiseStore } from "./lib/synth-store.mjs";
import { median } from "./lib/timing.mjs";

const TRACES = Number(process.env.MOODFOOD_BENCH_TRACES ?? 1_000_000);
const BUDGET_MS = 20;
const RUNS = 101;
const WARMUP = 10;
const bin = new URL("../bin/moodfood.cjs", import.meta.url).pathname;
const OPENMETRICS = "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

/** Creates an empty store through the CLI itself, so the schema is exactly the shipped one. */
function createStore(dir) {
  const result = spawnSync(process.execPath, [bin, "--data-dir", dir, "metrics", "show", "--json"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  if (result.status !== 0) throw new Error(`could not create a store in ${dir}: ${result.stderr}`);
}

function cachedStore(traces) {
  const dir = new URL(`./.out/store-${traces}-v1/`, import.meta.url).pathname;
  const marker = join(dir, "complete.json");
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  createStore(dir);
  const start = Date.now();
  console.log(`  (synthesising ${traces} traces into ${dir}; cached for next time)`);
  const info = synthesiseStore(join(dir, "moodfood.db"), { traces });
  writeFileSync(marker, JSON.stringify({ ...info, seconds: (Date.now() - start) / 1000 }));
  return dir;
}

async function scrapeMs(url, accept) {
  const start = process.hrtime.bigint();
  const res = await fetch(`${url}/metrics`, { headers: accept ? { accept } : {} });
  const body = await res.text();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.status !== 200 || !body.includes("# TYPE moodfood_queries")) throw new Error(`bad scrape: ${res.status}`);
  return { ms, bytes: body.length };
}

const SMALL = 10_000;
const smallDir = cachedStore(SMALL);
const bigDir = cachedStore(TRACES);
const emptyDir = mkdtempSync(join(tmpdir(), "mf-bench-empty-"));
createStore(emptyDir);
const servers = [
  ["empty store", await startServe(emptyDir)],
  [`${SMALL.toLocaleString("en")} traces`, await startServe(smallDir)],
  [`${TRACES.toLocaleString("en")} traces`, await startServe(bigDir)],
];
const cases = servers.flatMap(([label, server]) => [
  { label: `${label}, text`, url: server.url, accept: undefined, times: [], bytes: 0 },
  { label: `${label}, OpenMetrics`, url: server.url, accept: OPENMETRICS, times: [], bytes: 0 },
]);
let exitCodes = [];
try {
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (const c of cases) {
      const { ms, bytes } = await scrapeMs(c.url, c.accept);
      if (round >= WARMUP) c.times.push(ms);
      c.bytes = bytes;
    }
  }
} finally {
  exitCodes = await Promise.all(servers.map(([, s]) => s.stop()));
}

const dbBytes = statSync(join(bigDir, "moodfood.db")).size;
console.log(
  `\n## /metrics scrape over HTTP, ${RUNS} runs each (store ${(dbBytes / 2 ** 20).toFixed(0)} MiB, ${(dbBytes / TRACES).toFixed(0)} B/trace)`,
);
for (const c of cases)
  console.log(
    `  ${c.label.padEnd(36)} median ${median(c.times).toFixed(2)} ms  p95 ${c.times.sort((a, b) => a - b)[Math.floor(RUNS * 0.95)].toFixed(2)} ms  ${(c.bytes / 1024).toFixed(0)} KiB`,
  );
for (const format of ["text", "OpenMetrics"]) {
  const [, small, big] = cases.filter((c) => c.label.endsWith(format)).map((c) => median(c.times));
  const verdict = big <= BUDGET_MS ? `ok (budget ${BUDGET_MS} ms)` : `OVER budget ${BUDGET_MS} ms`;
  const sizes = `${TRACES.toLocaleString("en")} vs ${SMALL.toLocaleString("en")} traces`;
  console.log(`  ${format}: ${sizes} ratio ${(big / small).toFixed(2)}x (flat history: ~1x), ${big.toFixed(2)} ms ${verdict}`);
}
console.log(`  servers stopped with SIGTERM, exit codes ${exitCodes.join(", ")}`);
rmSync(emptyDir, { recursive: true, force: true });

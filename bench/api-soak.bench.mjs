// A saturation soak on loopback: POST /query and GET /metrics together for 60 s (MOODFOOD_BENCH_SOAK_SECONDS),
// with autocannon. Reports throughput and p99 per route, errors (a 503 is the only deliberate one), and the
// server's resident memory sampled every 5 s, which should stay flat.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { startServe } from "./lib/serve-process.mjs";

const SECONDS = Number(process.env.MOODFOOD_BENCH_SOAK_SECONDS ?? 60);
const BODY = JSON.stringify({ query: "I'm stressed and it's raining, something warm and quick", top: 5 });

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

const dataDir = mkdtempSync(join(tmpdir(), "mf-bench-soak-"));
const server = await startServe(dataDir);
for (let i = 0; i < 50; i++)
  await (await fetch(`${server.url}/query`, { method: "POST", headers: { "content-type": "application/json" }, body: BODY })).arrayBuffer();
const rss = [rssMb(server.pid)];
const sampler = setInterval(() => rss.push(rssMb(server.pid)), 5000);
const load = (options) => autocannon({ duration: SECONDS, ...options });
let exitCode;
let query;
let metrics;
try {
  [query, metrics] = await Promise.all([
    load({ url: `${server.url}/query`, method: "POST", headers: { "content-type": "application/json" }, body: BODY, connections: 40 }),
    load({ url: `${server.url}/metrics`, connections: 10 }),
  ]);
} finally {
  clearInterval(sampler);
  rss.push(rssMb(server.pid));
  exitCode = await server.stop();
}
const unexpected = (r) => r.errors + r.non2xx - (r.statusCodeStats?.["503"]?.count ?? 0);
console.log(`\n## soak: POST /query (40 connections) and GET /metrics (10) together for ${SECONDS} s (autocannon)`);
for (const [name, r] of [
  ["POST /query", query],
  ["GET /metrics", metrics],
])
  console.log(
    `  ${name.padEnd(13)} ${r.requests.average.toFixed(0)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ${r.requests.total} requests  503s ${r.statusCodeStats?.["503"]?.count ?? 0}  other errors ${unexpected(r)}`,
  );
const third = Math.max(1, Math.floor(rss.length / 3));
const early = rss.slice(1, 1 + third);
const late = rss.slice(-third);
const avg = (list) => list.reduce((a, b) => a + b, 0) / list.length;
console.log(`  server RSS MB: start ${rss[0].toFixed(0)}, samples ${rss.map((m) => m.toFixed(0)).join(" ")}`);
console.log(
  `  RSS first third ${avg(early).toFixed(0)} MB, last third ${avg(late).toFixed(0)} MB (${(avg(late) / avg(early)).toFixed(2)}x)`,
);
console.log(`  server stopped with SIGTERM, exit code ${exitCode}`);
rmSync(dataDir, { recursive: true, force: true });
if (unexpected(query) > 0 || unexpected(metrics) > 0 || exitCode !== 0) process.exitCode = 1;

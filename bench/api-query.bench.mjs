// POST /query under 50 concurrent connections (autocannon), as a ratio to a bare node:http server that
// answers a fixed JSON body under the same load in the same run. Rounds alternate; medians are quoted.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { getText, startServe } from "./lib/serve-process.mjs";

const SECONDS = Number(process.env.MOODFOOD_BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.MOODFOOD_BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
const BODY = JSON.stringify({ query: "I'm sad and it's freezing, want something warm", top: 5 });

// The baseline reads the request body, as the API must, and answers a body of the same size as a real answer.
async function startBareServer(answer) {
  const script = `const body = ${JSON.stringify(answer)};
require("node:http").createServer((req, res) => { req.resume(); req.on("end", () => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }); res.end(body); }); })
  .listen(0, "127.0.0.1", function () { console.log(this.address().port); });`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const [port] = await once(createInterface({ input: child.stdout }), "line");
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

async function load(url) {
  const result = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: BODY,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    total: result.requests.total,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dataDir = mkdtempSync(join(tmpdir(), "mf-bench-api-"));
const server = await startServe(dataDir);
const post = { method: "POST", headers: { "content-type": "application/json" }, body: BODY };
let answer = "";
for (let i = 0; i < 20; i++) {
  const res = await fetch(`${server.url}/query`, post);
  if (res.status !== 200) throw new Error("POST /query failed during warm-up");
  answer = await res.text();
}
const bare = await startBareServer(answer);
const runs = { bare: [], query: [] };
let metrics = "";
let exitCode;
try {
  for (let round = 0; round < ROUNDS; round++) {
    runs.bare.push(await load(bare.url));
    runs.query.push(await load(`${server.url}/query`));
  }
  metrics = await getText(`${server.url}/metrics`);
} finally {
  bare.stop();
  exitCode = await server.stop();
}

const summary = (list) => ({
  rps: median(list.map((r) => r.rps)),
  p50: median(list.map((r) => r.p50)),
  p99: median(list.map((r) => r.p99)),
});
const b = summary(runs.bare);
const q = summary(runs.query);
const errors = runs.query.reduce((n, r) => n + r.errors, 0);
const requests = runs.query.reduce((n, r) => n + r.total, 0);
const counted = [...metrics.matchAll(/^moodfood_queries_total\{[^}]*\} (\S+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
console.log(`\n## POST /query under ${CONNECTIONS} connections (autocannon, ${ROUNDS} alternating rounds of ${SECONDS} s, medians)`);
console.log(`  bare node:http, fixed JSON body   ${b.rps.toFixed(0)} req/s  p50 ${b.p50} ms  p99 ${b.p99} ms`);
console.log(`  POST /query (traced pipeline)     ${q.rps.toFixed(0)} req/s  p50 ${q.p50} ms  p99 ${q.p99} ms  errors ${errors}`);
console.log(`  ratio ${(q.rps / b.rps).toFixed(3)}x the bare server (aim 0.15x); p99 ${q.p99} ms (aim <= 50 ms)`);
console.log(`  moodfood_queries_total after the run: ${counted} (${requests} answered in the rounds + 20 warm-up)`);
console.log(`  server stopped with SIGTERM, exit code ${exitCode}${errors === 0 && exitCode === 0 ? "" : "  (FAILED: errors above)"}`);
rmSync(dataDir, { recursive: true, force: true });
if (errors > 0 || exitCode !== 0) process.exitCode = 1;

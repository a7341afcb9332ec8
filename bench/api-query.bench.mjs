// POST /query under 50 concurrent connections (autocannon), as a ratio to a bare node:http server that
// answers a fixed JSON body under the same load in the same run, with the store on SQLite and on PostgreSQL
// (a private cluster, fsync on; or MOODFOOD_BENCH_DATABASE_URL). Rounds alternate; medians are quoted.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { SKIPPED, startPostgres, withSchema } from "./lib/postgres-cluster.mjs";
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

const post = { method: "POST", headers: { "content-type": "application/json" }, body: BODY };
async function warmUp(url) {
  let answer = "";
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${url}/query`, post);
    if (res.status !== 200) throw new Error(`POST /query failed during warm-up (${res.status}): ${await res.text()}`);
    answer = await res.text();
  }
  return answer;
}
const queriesCounted = (metrics) =>
  [...metrics.matchAll(/^moodfood_queries_total\{[^}]*\} (\S+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);

const postgres = await startPostgres();
const dataDir = mkdtempSync(join(tmpdir(), "mf-bench-api-"));
const pgDataDir = mkdtempSync(join(tmpdir(), "mf-bench-api-pg-"));
// name -> { label, url, stop } for each store under test; PostgreSQL only when there is a server.
const targets = { sqlite: { label: "POST /query on SQLite", server: await startServe(dataDir) } };
if (postgres) {
  const env = { MOODFOOD_DATABASE_URL: withSchema(postgres.url, "bench_api") };
  targets.postgres = { label: "POST /query on PostgreSQL", server: await startServe(pgDataDir, env) };
}
let answer = "";
for (const [name, target] of Object.entries(targets)) {
  const body = await warmUp(target.server.url);
  if (name === "sqlite") answer = body;
}
const bare = await startBareServer(answer);
const runs = { bare: [], sqlite: [], postgres: [] };
const metrics = {};
const exitCodes = {};
try {
  for (let round = 0; round < ROUNDS; round++) {
    runs.bare.push(await load(bare.url));
    for (const [name, target] of Object.entries(targets)) runs[name].push(await load(`${target.server.url}/query`));
  }
  for (const [name, target] of Object.entries(targets)) metrics[name] = await getText(`${target.server.url}/metrics`);
} finally {
  bare.stop();
  for (const [name, target] of Object.entries(targets)) exitCodes[name] = await target.server.stop();
  postgres?.stop();
}

const summary = (list) => ({
  rps: median(list.map((r) => r.rps)),
  p50: median(list.map((r) => r.p50)),
  p99: median(list.map((r) => r.p99)),
});
const b = summary(runs.bare);
console.log(`\n## POST /query under ${CONNECTIONS} connections (autocannon, ${ROUNDS} alternating rounds of ${SECONDS} s, medians)`);
console.log(`  bare node:http, fixed JSON body       ${b.rps.toFixed(0)} req/s  p50 ${b.p50} ms  p99 ${b.p99} ms`);
let failed = false;
const results = {};
for (const [name, target] of Object.entries(targets)) {
  const q = summary(runs[name]);
  results[name] = q;
  const errors = runs[name].reduce((n, r) => n + r.errors, 0);
  const requests = runs[name].reduce((n, r) => n + r.total, 0);
  const ok = errors === 0 && exitCodes[name] === 0;
  if (!ok) failed = true;
  console.log(`  ${target.label.padEnd(37)} ${q.rps.toFixed(0)} req/s  p50 ${q.p50} ms  p99 ${q.p99} ms  errors ${errors}`);
  console.log(
    `    ratio ${(q.rps / b.rps).toFixed(3)}x the bare server (aim 0.15x); p99 ${q.p99} ms (aim <= 50 ms)` +
      `; moodfood_queries_total ${queriesCounted(metrics[name])} (${requests} answered in the rounds + 20 warm-up)` +
      `; SIGTERM exit code ${exitCodes[name]}${ok ? "" : "  (FAILED: errors above)"}`,
  );
}
if (!postgres) {
  console.log(`  ${"POST /query on PostgreSQL".padEnd(37)} ${SKIPPED}`);
} else {
  const [s, p] = [results.sqlite, results.postgres];
  const ratio = (a, b, digits = 2) => (b > 0 ? `${(a / b).toFixed(digits)}x` : "n/a");
  console.log(
    `  PostgreSQL/SQLite (${postgres.description}): req/s ${ratio(p.rps, s.rps, 3)}  p50 ${ratio(p.p50, s.p50)}  p99 ${ratio(p.p99, s.p99)}`,
  );
}
rmSync(dataDir, { recursive: true, force: true });
rmSync(pgDataDir, { recursive: true, force: true });
if (failed) process.exitCode = 1;

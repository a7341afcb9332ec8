// POST /query throughput of `moodfood metrics serve` on loopback, with wrk (Debian package) when it
// is on PATH, else a keep-alive fetch loop; GET /livez on the same server is the HTTP-only baseline.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getText, startServe } from "./lib/serve-process.mjs";

const SECONDS = Number(process.env.MOODFOOD_BENCH_SECONDS ?? 10);
const CONNECTIONS = 8;
const BODY = JSON.stringify({ query: "I'm sad and it's freezing, want something warm", top: 5 });
const hasWrk = spawnSync("sh", ["-c", "command -v wrk"]).status === 0;

function runWrk(url, scriptPath) {
  // One wrk thread: the machine has 2 cores and the server needs one.
  const args = ["-t1", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--latency", ...(scriptPath ? ["-s", scriptPath] : []), url];
  const out = spawnSync("wrk", args, { encoding: "utf8" }).stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = /50%\s+(\S+)/.exec(out)?.[1];
  const p99 = /99%\s+(\S+)/.exec(out)?.[1];
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const total = Number(/(\d+) requests in/.exec(out)?.[1]);
  return { rps, p50, p99, non2xx, total };
}

async function runFetchLoop(url, init) {
  const deadline = Date.now() + SECONDS * 1000;
  const latencies = [];
  let non2xx = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        const start = performance.now();
        const res = await fetch(url, init);
        await res.arrayBuffer();
        latencies.push(performance.now() - start);
        if (res.status !== 200) non2xx++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p) => `${latencies[Math.floor(latencies.length * p)].toFixed(2)}ms`;
  return { rps: latencies.length / SECONDS, p50: pct(0.5), p99: pct(0.99), non2xx, total: latencies.length };
}

const dataDir = mkdtempSync(join(tmpdir(), "mf-bench-api-"));
const server = await startServe(dataDir);
let livez;
let query;
let metrics = "";
let exitCode;
try {
  const post = { method: "POST", headers: { "content-type": "application/json" }, body: BODY };
  for (let i = 0; i < 20; i++)
    if ((await fetch(`${server.url}/query`, post)).status !== 200) throw new Error("POST /query failed during warm-up");

  if (hasWrk) {
    const script = join(dataDir, "post.lua");
    writeFileSync(script, `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${JSON.stringify(BODY)}\n`);
    livez = runWrk(`${server.url}/livez`);
    query = runWrk(`${server.url}/query`, script);
  } else {
    console.log("  (wrk not on PATH: using a keep-alive fetch loop in this process; apt-get install wrk for the real figure)");
    livez = await runFetchLoop(`${server.url}/livez`, {});
    query = await runFetchLoop(`${server.url}/query`, post);
  }
  metrics = await getText(`${server.url}/metrics`);
} finally {
  exitCode = await server.stop();
}

const counted = [...metrics.matchAll(/^moodfood_queries_total\{[^}]*\} (\S+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
console.log(`\n## POST /query throughput on loopback (${hasWrk ? "wrk" : "fetch loop"}, ${CONNECTIONS} connections, ${SECONDS} s)`);
console.log(`  GET /livez (HTTP baseline)        ${livez.rps.toFixed(0)} req/s  p50 ${livez.p50}  p99 ${livez.p99}`);
console.log(
  `  POST /query (traced pipeline)     ${query.rps.toFixed(0)} req/s  p50 ${query.p50}  p99 ${query.p99}  non-2xx ${query.non2xx}`,
);
console.log(
  `  ratio query/livez ${(query.rps / livez.rps).toFixed(2)}x; moodfood_queries_total after the run: ${counted} (${query.total} requests + 20 warm-up)`,
);
console.log(
  `  server stopped with SIGTERM, exit code ${exitCode}${query.non2xx === 0 && exitCode === 0 ? "" : "  (FAILED: errors above)"}`,
);
rmSync(dataDir, { recursive: true, force: true });
if (query.non2xx > 0 || exitCode !== 0) process.exitCode = 1;

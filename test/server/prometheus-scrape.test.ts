import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordQuery } from "../metrics/helpers.js";
import { findService } from "../support/services.js";
import { startTestServer, type TestServer } from "./helpers.js";

// A real Prometheus (Debian's package) scrapes the server: it negotiates OpenMetrics, so a
// malformed exposition, counter name or exemplar would fail the scrape here.
const hasPrometheus = findService("prometheus", "the real-Prometheus scrape test") !== undefined;
const N = 12;

let server: TestServer | undefined;
let prometheus: ChildProcess | undefined;
let dir: string | undefined;
afterAll(async () => {
  if (prometheus && prometheus.exitCode === null) {
    prometheus.kill("SIGTERM");
    await once(prometheus, "exit");
  }
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function poll<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!hasPrometheus)("a real Prometheus scraping metrics serve", () => {
  it(`ingests the OpenMetrics exposition: PromQL sums to ${N} queries, exemplars carry trace ids`, async () => {
    server = await startTestServer();
    const s = server;
    for (let i = 0; i < N; i++) await recordQuery(s.store, { decision: i % 3 ? "llm_fallback" : "ml_validated" });
    dir = mkdtempSync(join(tmpdir(), "mf-prom-"));
    writeFileSync(
      join(dir, "prometheus.yml"),
      `global: {scrape_interval: 1s, evaluation_interval: 1s}\nscrape_configs:\n  - job_name: moodfood\n    static_configs: [{targets: ["127.0.0.1:${s.port}"]}]\n`,
    );
    const webPort = await freePort();
    const api = `http://127.0.0.1:${webPort}/api/v1`;
    prometheus = spawn(
      "prometheus",
      [
        `--config.file=${join(dir, "prometheus.yml")}`,
        `--storage.tsdb.path=${join(dir, "data")}`,
        `--web.listen-address=127.0.0.1:${webPort}`,
        "--enable-feature=exemplar-storage",
      ],
      { stdio: "ignore" },
    );
    const query = async (promql: string) => {
      const body = (await (await fetch(`${api}/query?query=${encodeURIComponent(promql)}`)).json()) as {
        data: { result: { value: [number, string] }[] };
      };
      const value = body.data.result[0]?.value[1];
      return value === undefined ? undefined : Number(value);
    };

    const target = await poll("a scrape", async () => {
      const body = (await (await fetch(`${api}/targets`)).json()) as { data: { activeTargets: { health: string; lastError: string }[] } };
      const t = body.data.activeTargets[0];
      return t && t.health !== "unknown" ? t : undefined;
    });
    expect(target).toMatchObject({ health: "up", lastError: "" });
    expect(await poll("queries_total", () => query("sum(moodfood_queries_total)"))).toBe(N);
    expect(await query('sum(moodfood_query_processing_time_ms_count{stage="total"})')).toBe(N);
    expect(await query('sum(moodfood_query_processing_time_ms_bucket{stage="total",le="+Inf"})')).toBe(N);
    // Counters keep their _total name through OpenMetrics; the gauge table is there too.
    expect(await query('count(moodfood_queries_total{decision="ml_validated"})')).toBe(1);
    expect(await query("moodfood_training_buffer_size")).toBe(0);

    const exemplars = await poll("exemplars", async () => {
      const now = Date.now() / 1000;
      const url = `${api}/query_exemplars?query=${encodeURIComponent("moodfood_query_processing_time_ms_bucket")}&start=${now - 600}&end=${now + 60}`;
      const body = (await (await fetch(url)).json()) as { data: { exemplars: { labels: { trace_id: string } }[] }[] };
      const found = body.data.flatMap((series) => series.exemplars);
      return found.length > 0 ? found : undefined;
    });
    expect(exemplars[0]?.labels.trace_id).toMatch(/^[0-9a-f]{32}$/);
  }, 60_000);
});

import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/settings.js";
import { healthDocument } from "../../src/health/health-document.js";
import { runMetricsServe, type ServeInfo } from "../../src/server/run-serve.js";
import { openStore } from "../../src/store/store.js";
import { recordQuery } from "../metrics/helpers.js";
import { startTestServer } from "../server/helpers.js";
import { check, healthConfig, tempDir, webhookReceiver, withWriteStore } from "./helpers.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `moodfood metrics serve` in process on a free port; stopped after the test. */
async function serve(config: Config, healthIntervalMs?: number): Promise<ServeInfo> {
  const controller = new AbortController();
  const logs: string[] = [];
  let onListening: (info: ServeInfo) => void = () => {};
  const listening = new Promise<ServeInfo>((resolve) => (onListening = resolve));
  const done = runMetricsServe(
    { host: "127.0.0.1", port: 0, insecure: false },
    { config, signal: controller.signal, onListening, log: (l) => logs.push(l), graceMs: 1000, healthIntervalMs },
  );
  cleanups.push(async () => {
    controller.abort();
    await done;
  });
  return listening;
}

const pass = { component: "store", measurement: "reachable", status: "pass", observed_value: 1, output: "ok" } as const;

describe("GET /health/full", () => {
  it("answers application/health+json: 200 for pass and warn, 503 for fail", async () => {
    for (const [status, code] of [
      ["pass", 200],
      ["warn", 200],
      ["fail", 503],
    ] as const) {
      const doc = healthDocument([pass, { ...pass, component: "drift", measurement: "open_alerts", status }], Date.now());
      const s = await startTestServer({ health: async () => doc });
      cleanups.push(s.stop);
      const res = await fetch(`${s.base}/health/full`);
      expect(res.status).toBe(code);
      expect(res.headers.get("content-type")).toBe("application/health+json");
      expect(await res.json()).toMatchObject({ status, checks: { "drift:open_alerts": [{ status }] }, overall_status: doc.overall_status });
    }
  });

  it("agrees with moodfood health on the same store", async () => {
    const dir = tempDir();
    await withWriteStore(dir, async (store) => {
      for (let i = 0; i < 25; i++) await recordQuery(store, { fail: i < 2 });
    });
    const info = await serve(await healthConfig(dir));
    const http = (await (await fetch(`${info.url}/health/full`)).json()) as ReturnType<typeof healthDocument>;
    const { doc: cli } = await check(await healthConfig(dir, { PROMETHEUS_PORT: String(info.port) }));
    const statuses = (d: typeof cli) => Object.fromEntries(Object.entries(d.checks).map(([k, [e]]) => [k, e?.status]));
    expect(statuses(http)).toEqual(statuses(cli));
    expect({ overall: http.overall_status, score: http.score }).toEqual({ overall: cli.overall_status, score: cli.score });
    expect(cli.checks["metrics_server:reachable"]?.[0]?.output).toMatch(/moodfood metrics serve answers/);
    expect(http.checks["errors:error_rate"]?.[0]?.output).toBe(cli.checks["errors:error_rate"]?.[0]?.output);
  });
});

describe("GET /readyz", () => {
  it("is 200 while the store reads, 503 once its file is overwritten (the connection's cache would not notice)", async () => {
    const dir = tempDir();
    const info = await serve(await healthConfig(dir));
    expect((await fetch(`${info.url}/readyz`)).status).toBe(200);
    writeFileSync(join(dir, "moodfood.db"), randomBytes(8192));
    const res = await fetch(`${info.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: "store_unavailable", message: expect.stringMatching(/not a SQLite database/) } });
    expect((await fetch(`${info.url}/health/full`)).status).toBe(503);
  });
});

describe("metrics serve's health timer", () => {
  it("stores the health for the scrape at start, then posts a change of status (discord format)", async () => {
    const hook = await webhookReceiver();
    cleanups.push(hook.close);
    const dir = tempDir();
    await withWriteStore(dir, (store) => recordQuery(store));
    const info = await serve(await healthConfig(dir, { MOODFOOD_ALERT_WEBHOOK: hook.url, MOODFOOD_ALERT_WEBHOOK_FORMAT: "discord" }), 50);
    const reader = await openStore(dir, { readonly: true });
    cleanups.push(() => reader.close());
    expect(await until(() => reader.health.latest())).toMatchObject({ status: "healthy", source: "serve" });
    expect(await (await fetch(`${info.url}/metrics`)).text()).toMatch(/^moodfood_system_health 100$/m);
    await withWriteStore(dir, (store) =>
      store.drift.insertAlert({
        alert_id: "drift-x",
        type: "labels",
        severity: "high",
        opened_at: Date.now(),
        updated_at: Date.now(),
        model_version: "m1",
        score: 0.3,
        threshold: 0.1,
        details: "{}",
      }),
    );
    await until(() => (hook.bodies.length > 0 ? true : undefined));
    expect(hook.bodies[0]).toEqual({ content: expect.stringMatching(/health healthy → DEGRADED .*drift:open_alerts warn/) });
    expect(await (await fetch(`${info.url}/metrics`)).text()).toMatch(/^moodfood_system_health 7\d$/m);
  });

  it("waits for another process's write lock without blocking the event loop", async () => {
    const dir = tempDir();
    await withWriteStore(dir, (store) => recordQuery(store));
    const info = await serve(await healthConfig(dir), 50);
    const reader = await openStore(dir, { readonly: true });
    cleanups.push(() => reader.close());
    const first = await until(() => reader.health.latest());
    const locker = new Database(join(dir, "moodfood.db"));
    cleanups.push(async () => void locker.close());
    locker.exec("BEGIN IMMEDIATE"); // another process holds the write lock
    const lockedAt = (await reader.health.latest())?.checked_at ?? first.checked_at;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      expect((await fetch(`${info.url}/livez`)).status).toBe(200);
      times.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 40));
    }
    expect(Math.min(...times)).toBeLessThan(50);
    expect((await reader.health.latest())?.checked_at).toBe(lockedAt); // nothing written while locked out
    locker.exec("COMMIT");
    await until(async () => (((await reader.health.latest())?.checked_at ?? 0) > lockedAt ? true : undefined));
  });
});

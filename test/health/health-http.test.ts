import { afterEach, describe, expect, it } from "vitest";
import { healthDocument } from "../../src/health/health-document.js";
import { recordQuery } from "../metrics/helpers.js";
import { startTestServer } from "../server/helpers.js";
import { openTestStore } from "../support/test-store.js";
import { check, healthConfig, serve, tempDir, until, webhookReceiver, withWriteStore } from "./helpers.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

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
    const info = await serve(await healthConfig(dir), cleanups);
    const http = (await (await fetch(`${info.url}/health/full`)).json()) as ReturnType<typeof healthDocument>;
    const { doc: cli } = await check(await healthConfig(dir, { PROMETHEUS_PORT: String(info.port) }));
    const statuses = (d: typeof cli) => Object.fromEntries(Object.entries(d.checks).map(([k, [e]]) => [k, e?.status]));
    expect(statuses(http)).toEqual(statuses(cli));
    expect({ overall: http.overall_status, score: http.score }).toEqual({ overall: cli.overall_status, score: cli.score });
    expect(cli.checks["metrics_server:reachable"]?.[0]?.output).toMatch(/moodfood metrics serve answers/);
    expect(http.checks["errors:error_rate"]?.[0]?.output).toBe(cli.checks["errors:error_rate"]?.[0]?.output);
  });
});

describe("metrics serve's health timer", () => {
  it("stores the health for the scrape at start, then posts a change of status (discord format)", async () => {
    const hook = await webhookReceiver();
    cleanups.push(hook.close);
    const dir = tempDir();
    await withWriteStore(dir, (store) => recordQuery(store));
    const info = await serve(
      await healthConfig(dir, { MOODFOOD_ALERT_WEBHOOK: hook.url, MOODFOOD_ALERT_WEBHOOK_FORMAT: "discord" }),
      cleanups,
      50,
    );
    const reader = await openTestStore(dir, { readonly: true });
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
});

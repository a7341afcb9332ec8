import { afterEach, describe, expect, it } from "vitest";
import { readCachedGauge } from "../../src/metrics/cached-gauges.js";
import { circuitKey } from "../../src/pipeline/providers/circuit-breaker.js";
import { recordQuery } from "../metrics/helpers.js";
import { check, healthConfig, tempDir, webhookReceiver, withWriteStore } from "./helpers.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function addAlert(dir: string, severity: string, status = "open"): Promise<void> {
  await withWriteStore(dir, async (store) => {
    const now = Date.now();
    await store.drift.insertAlert({
      alert_id: `drift-${severity}`,
      type: "confidence",
      severity,
      opened_at: now,
      updated_at: now,
      model_version: "m1",
      score: 0.4,
      threshold: 0.1,
      details: JSON.stringify({ explanation: "confidence dropped" }),
    });
    if (status === "acknowledged") await store.drift.acknowledgeAlert(`drift-${severity}`, now);
  });
}

describe("moodfood health (runHealth on a temp data dir)", () => {
  it("a fresh setup with one query, no server and no LLM is healthy, 100, and is stored for the scrape and the history", async () => {
    const dir = tempDir();
    await withWriteStore(dir, (store) => recordQuery(store));
    const { doc, warnings } = await check(await healthConfig(dir));
    expect(warnings).toEqual([]);
    expect(doc).toMatchObject({ status: "pass", overall_status: "healthy", score: 100, exit_code: 0, cached: true });
    expect(doc.checks["metrics_server:reachable"]?.[0]?.output).toMatch(/^not running/);
    expect(doc.checks["llm:configured"]?.[0]?.output).toMatch(/local provider/);
    await withWriteStore(dir, async (store) => {
      expect(await readCachedGauge(store, "moodfood_system_health")).toEqual([{ labels: {}, value: 100 }]);
      expect(await store.health.latest()).toMatchObject({ status: "healthy", score: 100, source: "cli" });
      expect(await store.health.between(0, Date.now() + 1)).toHaveLength(1);
    });
  });

  it("an open LLM circuit is degraded (exit 1) and says queries fall back", async () => {
    const dir = tempDir();
    const config = await healthConfig(dir, { MOODFOOD_LLM_PROVIDER: "openai", MOODFOOD_LLM_BASE_URL: "http://127.0.0.1:9/v1" });
    await withWriteStore(dir, (store) =>
      store.meta.set(circuitKey(config.llmModel), { failures: 5, openedAt: Date.now(), probeAt: null }, Date.now()),
    );
    const { doc } = await check(config);
    expect(doc).toMatchObject({ overall_status: "degraded", exit_code: 1, status: "warn" });
    expect(doc.checks["llm:circuit"]?.[0]).toMatchObject({ status: "warn", observedValue: "open" });
    expect(doc.checks["llm:circuit"]?.[0]?.output).toMatch(/open since .* after 5 failed calls; queries fall back/);
    expect(doc.score).toBeGreaterThanOrEqual(50);
    expect(doc.score).toBeLessThan(80);
  });

  it("--deep makes one live call outside the breaker; a dead endpoint warns without touching the circuit", async () => {
    const dir = tempDir();
    const config = await healthConfig(dir, { MOODFOOD_LLM_PROVIDER: "openai", MOODFOOD_LLM_BASE_URL: "http://127.0.0.1:9/v1" });
    await withWriteStore(dir, (store) => recordQuery(store));
    const { doc } = await check(config, true);
    expect(doc.checks["llm:live_call"]?.[0]).toMatchObject({ status: "warn", observedUnit: "ms" });
    expect(doc.checks["llm:live_call"]?.[0]?.output).toMatch(/live call failed .*unreachable/);
    await withWriteStore(dir, async (store) => expect(await store.meta.get(circuitKey(config.llmModel))).toBeUndefined());
  });

  it("a high drift alert, even acknowledged, is degraded; a medium one is only mentioned", async () => {
    const dir = tempDir();
    await addAlert(dir, "medium");
    const medium = (await check(await healthConfig(dir))).doc;
    expect(medium.overall_status).toBe("healthy");
    expect(medium.checks["drift:open_alerts"]?.[0]?.output).toMatch(/1 lower-severity alert unresolved/);
    await addAlert(dir, "high", "acknowledged");
    const { doc } = await check(await healthConfig(dir));
    expect(doc).toMatchObject({ overall_status: "degraded", exit_code: 1 });
    expect(doc.checks["drift:open_alerts"]?.[0]?.output).toMatch(
      /1 unresolved high\/critical drift alert: high confidence \(acknowledged\)/,
    );
  });

  it("the error rate of the last hour comes from the hourly rollups: 30 % of 20 queries fails", async () => {
    const dir = tempDir();
    await withWriteStore(dir, async (store) => {
      for (let i = 0; i < 20; i++) await recordQuery(store, { fail: i < 6 });
    });
    const { doc } = await check(await healthConfig(dir));
    expect(doc.checks["errors:error_rate"]?.[0]).toMatchObject({ status: "fail", observedValue: 0.3, observedUnit: "ratio" });
    expect(doc.checks["errors:error_rate"]?.[0]?.output).toMatch(/^6 of 20 queries failed in the last hour \(30\.0 %\)/);
    expect(doc).toMatchObject({ overall_status: "unhealthy", exit_code: 2 });
  });

  it("mostly negative feedback in the last day warns once there are 10 items", async () => {
    const dir = tempDir();
    await withWriteStore(dir, async (store) => {
      for (let i = 0; i < 10; i++) {
        await store.feedback.insert({
          feedback_id: `fb-${i}`,
          trace_id: "t",
          created_at: Date.now() - 1000,
          type: "explicit",
          rating: i < 6 ? 1 : 5,
          thumbs: null,
          comment: null,
          signal: null,
          sentiment: i < 6 ? "negative" : "positive",
          model_version: "m1",
          user_id: null,
          session_id: null,
          labels: null,
        });
      }
    });
    const { doc } = await check(await healthConfig(dir));
    expect(doc.checks["feedback:negative_ratio"]?.[0]).toMatchObject({ status: "warn", observedValue: 0.6 });
    expect(doc.overall_status).toBe("degraded");
  });

  it("a change of overall status is posted once to the webhook, in the configured format", async () => {
    const hook = await webhookReceiver();
    closers.push(hook.close);
    const dir = tempDir();
    await withWriteStore(dir, (store) => recordQuery(store));
    const env = { MOODFOOD_ALERT_WEBHOOK: hook.url, MOODFOOD_ALERT_WEBHOOK_FORMAT: "slack" };
    await check(await healthConfig(dir, env)); // first result healthy: nothing to say
    expect(hook.bodies).toEqual([]);
    await addAlert(dir, "critical");
    expect((await check(await healthConfig(dir, env))).doc.overall_status).toBe("degraded");
    await check(await healthConfig(dir, env)); // still degraded: no second post
    expect(hook.bodies).toEqual([
      { text: expect.stringMatching(/^\[moodfood\] health healthy → DEGRADED \(score \d+\): drift:open_alerts warn/) },
    ]);
    await withWriteStore(dir, async (store) =>
      expect((await store.health.between(0, Date.now() + 1)).map((r) => r.status)).toEqual(["healthy", "degraded"]),
    );
  });
});

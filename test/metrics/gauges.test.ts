import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { packagePath } from "../../src/config/package-path.js";
import { cacheGauge } from "../../src/metrics/cached-gauges.js";
import { createExposition } from "../../src/metrics/exposition.js";
import { feedbackScores, gaugeSources, readGauges } from "../../src/metrics/gauges.js";
import { circuitKey } from "../../src/pipeline/providers/circuit-breaker.js";
import { openTestStore } from "../support/test-store.js";
import { parseSamples } from "./exposition-parse.js";

describe("gauges read from cached store values", () => {
  it("omits expensive gauges nobody has computed yet, and shows an empty training buffer as 0", async () => {
    const gauges = await readGauges(await openTestStore(), { circuitModels: [] });
    expect(gauges.has("moodfood_system_health")).toBe(false);
    expect(gauges.has("moodfood_drift_score")).toBe(false);
    expect(gauges.has("moodfood_model_accuracy")).toBe(false);
    expect(gauges.has("moodfood_feedback_score")).toBe(false);
    expect(gauges.get("moodfood_training_buffer_size")).toEqual([{ labels: {}, value: 0 }]);
  });

  it("shows what a command cached, as it was cached (the scrape computes nothing)", async () => {
    const store = await openTestStore();
    await cacheGauge(store, "moodfood_system_health", [{ labels: {}, value: 87.5 }], Date.now());
    await cacheGauge(store, "moodfood_drift_score", [{ labels: { type: "confidence", model_version: "m1" }, value: 0.31 }], Date.now());
    const samples = parseSamples(
      (await createExposition(store, { sources: { circuitModels: [] }, defaultMetrics: false }).render("text")).body,
    );
    expect(samples.find((s) => s.name === "moodfood_system_health")?.value).toBe(87.5);
    expect(samples.find((s) => s.name === "moodfood_drift_score")).toMatchObject({
      labels: { type: "confidence", model_version: "m1" },
      value: 0.31,
    });
  });

  it("replaces a gauge's series when it is cached again", async () => {
    const store = await openTestStore();
    await cacheGauge(store, "moodfood_drift_score", [{ labels: { type: "a" }, value: 1 }], 1);
    await cacheGauge(store, "moodfood_drift_score", [{ labels: { type: "b" }, value: 2 }], 2);
    expect((await readGauges(store, { circuitModels: [] })).get("moodfood_drift_score")).toEqual([{ labels: { type: "b" }, value: 2 }]);
  });

  it("marks the active model version (promoted in the store, else the shipped one) and shows held-out accuracy", async () => {
    const store = await openTestStore();
    const sources = { circuitModels: [], shippedModel: () => ({ version: "shipped-1", accuracy: 0.69 }) };
    let gauges = await readGauges(store, sources);
    expect(gauges.get("moodfood_current_model_version")).toEqual([{ labels: { version: "shipped-1" }, value: 1 }]);
    expect(gauges.get("moodfood_model_accuracy")).toEqual([{ labels: { model_version: "shipped-1" }, value: 0.69 }]);
    await store.models.save("v2", JSON.stringify({ version: "v2", heldout_metrics: { top_label_accuracy: 0.74 } }), Buffer.alloc(4), 1);
    await store.models.activate("v2");
    gauges = await readGauges(store, sources);
    expect(gauges.get("moodfood_current_model_version")).toEqual([{ labels: { version: "v2" }, value: 1 }]);
    expect(gauges.get("moodfood_model_accuracy")).toEqual([
      { labels: { model_version: "v2" }, value: 0.74 },
      { labels: { model_version: "shipped-1" }, value: 0.69 },
    ]);
  });

  it("reads the shipped model's version and accuracy from the package", () => {
    const { shippedModel } = gaugeSources(loadConfig({ env: {}, cwd: packagePath() }));
    const facts = shippedModel?.();
    expect(facts?.version).toMatch(/^mf-/);
    expect(facts?.accuracy).toBeGreaterThan(0);
    expect(facts?.accuracy).toBeLessThanOrEqual(1);
  });

  it("reports the shared LLM circuit breaker as 1 while open", async () => {
    const store = await openTestStore();
    const sources = { circuitModels: ["gpt-4o-mini"] };
    expect((await readGauges(store, sources)).get("moodfood_llm_circuit_open")).toEqual([{ labels: { model: "gpt-4o-mini" }, value: 0 }]);
    await store.meta.set(circuitKey("gpt-4o-mini"), { failures: 5, openedAt: Date.now(), probeAt: null }, Date.now());
    expect((await readGauges(store, sources)).get("moodfood_llm_circuit_open")).toEqual([{ labels: { model: "gpt-4o-mini" }, value: 1 }]);
  });

  it("derives the feedback score from the feedback counters when none is cached", () => {
    const counter = (sentiment: string, value: number, model_version = "m1") => ({
      name: "moodfood_user_feedback_total",
      labels: { type: "explicit", sentiment, model_version },
      value,
    });
    expect(feedbackScores([counter("positive", 6), counter("negative", 2), counter("neutral", 2), counter("negative", 1, "m0")])).toEqual([
      { labels: { model_version: "m1" }, value: 0.4 },
      { labels: { model_version: "m0" }, value: -1 },
    ]);
  });
});

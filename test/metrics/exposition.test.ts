import { describe, expect, it } from "vitest";
import { MS_BUCKETS } from "../../src/metrics/buckets.js";
import { createExposition, negotiateFormat } from "../../src/metrics/exposition.js";
import { METRIC_FAMILIES } from "../../src/metrics/metric-table.js";
import { openTestStore } from "../support/test-store.js";
import { parseSamples, sumOf } from "./exposition-parse.js";
import { recordQuery } from "./helpers.js";

const sources = { circuitModels: [] };

describe("metrics exposition from stored rollups", () => {
  it("counts every stored query: queries_total and the total-stage histogram both sum to N", async () => {
    const store = await openTestStore();
    for (let i = 0; i < 7; i++) await recordQuery(store, { decision: i % 2 ? "ml_validated" : "llm_fallback" });
    await recordQuery(store, { fail: true });
    const { body, contentType } = await createExposition(store, { sources, defaultMetrics: false }).render("text");
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parseSamples(body);
    expect(sumOf(samples, "moodfood_queries_total")).toBe(8);
    expect(sumOf(samples, "moodfood_queries_total", { status: "error" })).toBe(1);
    expect(sumOf(samples, "moodfood_query_processing_time_ms_count", { stage: "total" })).toBe(8);
    expect(sumOf(samples, "moodfood_query_processing_time_ms_bucket", { stage: "total", le: "+Inf" })).toBe(8);
    expect(sumOf(samples, "moodfood_trace_duration_ms_count")).toBe(8);
  });

  it("reads the all-time rollups, so pruning traces never makes a counter go down", async () => {
    const store = await openTestStore();
    for (let i = 0; i < 3; i++) await recordQuery(store);
    const exposition = createExposition(store, { sources, defaultMetrics: false });
    const before = sumOf(parseSamples((await exposition.render("text")).body), "moodfood_queries_total");
    await store.traces.deleteStartedBefore(Date.now() + 60_000);
    expect(await store.traces.list({ limit: 10 })).toHaveLength(0);
    const after = sumOf(parseSamples((await exposition.render("text")).body), "moodfood_queries_total");
    expect(after).toBe(before);
  });

  it("renders cumulative buckets in ms from 0.1 to 30000 with +Inf equal to the count", async () => {
    const store = await openTestStore();
    for (let i = 0; i < 4; i++) await recordQuery(store);
    const samples = parseSamples((await createExposition(store, { sources, defaultMetrics: false }).render("text")).body);
    const buckets = samples.filter((s) => s.name === "moodfood_query_processing_time_ms_bucket" && s.labels.stage === "total");
    expect(buckets.map((b) => b.labels.le)).toEqual([...MS_BUCKETS.map(String), "+Inf"]);
    const values = buckets.map((b) => b.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.at(-1)).toBe(4);
    expect(samples.some((s) => s.exemplar)).toBe(false);
  });

  it("declares every DESIGN §5 family with HELP and TYPE even before any data", async () => {
    const { body } = await createExposition(await openTestStore(), { sources, defaultMetrics: false }).render("text");
    for (const family of METRIC_FAMILIES) {
      expect(body).toContain(`# HELP ${family.name} `);
      expect(body).toContain(`# TYPE ${family.name} ${family.type}\n`);
    }
  });

  it("speaks OpenMetrics: # EOF, counters typed without _total, trace_id exemplars inside their bucket", async () => {
    const store = await openTestStore();
    const ids = [await recordQuery(store), await recordQuery(store)];
    const { body, contentType } = await createExposition(store, { sources, defaultMetrics: false }).render("openmetrics");
    expect(contentType).toMatch(/^application\/openmetrics-text; version=1\.0\.0/);
    expect(body.endsWith("# EOF\n")).toBe(true);
    expect(body.match(/# EOF/g)).toHaveLength(1);
    expect(body).toContain("# TYPE moodfood_queries counter\n");
    expect(body).not.toContain("# TYPE moodfood_queries_total");
    const samples = parseSamples(body);
    expect(sumOf(samples, "moodfood_queries_total")).toBe(2);
    const withExemplar = samples.filter((s) => s.exemplar);
    expect(withExemplar.length).toBeGreaterThan(0);
    for (const s of withExemplar) {
      expect(s.name).toMatch(/_bucket$/);
      expect(ids).toContain(s.exemplar?.labels.trace_id);
      // OpenMetrics: the exemplar's value lies in its bucket; timestamps are seconds.
      const le = s.labels.le === "+Inf" ? Infinity : Number(s.labels.le);
      const previous = MS_BUCKETS[MS_BUCKETS.indexOf(le) - 1] ?? -Infinity;
      expect(s.exemplar?.value).toBeLessThanOrEqual(le);
      expect(s.exemplar?.value).toBeGreaterThan(previous);
      expect(s.exemplar?.timestamp).toBeGreaterThan(1e9);
      expect(s.exemplar?.timestamp).toBeLessThan(1e11);
    }
    // Canonical floats in le: 1.0, 30000.0.
    expect(body).toContain('le="1.0"');
    expect(body).toContain('le="30000.0"');
  });

  it("puts exemplars on every latency histogram: stages, whole traces and LLM calls", async () => {
    const store = await openTestStore();
    await recordQuery(store, { llm: { model: "gpt-4o-mini", status: "ok" } });
    const samples = parseSamples((await createExposition(store, { sources, defaultMetrics: false }).render("openmetrics")).body);
    for (const name of [
      "moodfood_query_processing_time_ms_bucket",
      "moodfood_trace_duration_ms_bucket",
      "moodfood_llm_api_latency_ms_bucket",
    ]) {
      expect(samples.filter((s) => s.name === name && s.exemplar).length, name).toBeGreaterThan(0);
    }
  });

  it("keeps text and OpenMetrics right when both are asked for, in either order", async () => {
    const store = await openTestStore();
    await recordQuery(store);
    const exposition = createExposition(store, { sources });
    await exposition.render("openmetrics");
    const text = (await exposition.render("text")).body;
    expect(text).toContain("# TYPE moodfood_queries_total counter\n");
    expect(text).toContain("# TYPE process_cpu_user_seconds_total counter\n");
    expect(text).not.toContain("# EOF");
    const om = (await exposition.render("openmetrics")).body;
    expect(om).toContain("# TYPE process_cpu_user_seconds counter\n");
    expect(om).toMatch(/\nprocess_cpu_user_seconds_total \S+\n/);
  });

  it("includes prom-client's default process metrics only when asked", async () => {
    const store = await openTestStore();
    expect((await createExposition(store, { sources }).render("text")).body).toContain("process_resident_memory_bytes");
    expect((await createExposition(store, { sources, defaultMetrics: false }).render("text")).body).not.toContain(
      "process_resident_memory_bytes",
    );
  });

  it("gives /metrics/raw the same numbers as JSON", async () => {
    const store = await openTestStore();
    await recordQuery(store);
    const raw = await createExposition(store, { sources, defaultMetrics: false }).raw();
    expect(raw.counters.find((c) => c.name === "moodfood_queries_total")?.value).toBe(1);
    const total = raw.histograms.find((h) => h.name === "moodfood_query_processing_time_ms" && h.labels.stage === "total");
    expect(total?.count).toBe(1);
    expect(total?.buckets.at(-1)).toEqual({ le: "+Inf", count: 1 });
    expect(total?.exemplar?.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("negotiateFormat", () => {
  it.each([
    [undefined, "text"],
    ["*/*", "text"],
    ["text/plain;version=0.0.4", "text"],
    // What Prometheus 2.x sends.
    [
      "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
      "openmetrics",
    ],
    ["application/openmetrics-text; version=0.0.1", "openmetrics"],
    ["application/openmetrics-text;q=0.2, text/plain", "text"],
    ["application/openmetrics-text;q=0", "text"],
  ])("%s -> %s", (accept, expected) => {
    expect(negotiateFormat(accept)).toBe(expected);
  });
});

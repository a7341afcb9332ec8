import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import type { TraceRecord } from "../../src/records/trace.js";
import { storeSink } from "../../src/runtime/store-sink.js";
import type { Store } from "../../src/store/store.js";
import type { TraceExporter } from "../../src/tracing/exporter.js";
import { loadOtlpExporter } from "../../src/tracing/otlp/load-otlp-exporter.js";
import { readOtlpConfig } from "../../src/tracing/otlp/otlp-config.js";
import { type OtlpSpan, STATUS_ERROR, STATUS_OK, toExportRequest } from "../../src/tracing/otlp/otlp-json.js";
import { endTrace, startTrace, traceStage, traceWritten } from "../../src/tracing/tracer.js";
import { openTestStore } from "../support/test-store.js";
import { attr, closedPort, type FakeCollector, startCollector } from "./otlp-collector.js";

const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
const collectors: FakeCollector[] = [];
afterEach(async () => {
  await Promise.all(collectors.splice(0).map((c) => c.close()));
});

/** A query-shaped trace: parse, an llm_call with GenAI attributes, and optionally a failing recommend stage. */
async function runTrace(store: Store, exporters: TraceExporter[], fail = false): Promise<TraceRecord> {
  const trace = startTrace({ query: "sad and cold", sink: storeSink(store, exporters), userId: "u1" });
  await traceStage(trace, "parse", () => new Promise((r) => setTimeout(r, 3)));
  await traceStage(
    trace,
    "llm_call",
    (span) => {
      span.attributes["gen_ai.usage.input_tokens"] = 12;
      span.attributes["gen_ai.usage.output_tokens"] = 4;
    },
    { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "local", "gen_ai.request.model": "moodfood-lexicon-1" },
  );
  if (fail) {
    const error = await traceStage(trace, "recommend", () => Promise.reject(new Error("catalog missing"))).catch((e: unknown) => e);
    endTrace(trace, { error });
  } else {
    endTrace(trace, { labels: ["emotion_sad"], confidence: 0.8, final_decision: "ml_validated", model_version: "m1" });
  }
  await traceWritten(trace);
  const stored = await store.traces.get(trace.record.trace_id);
  if (!stored) throw new Error("trace not stored");
  return stored;
}

const nanos = (value: string): bigint => BigInt(value);
const ms = (from: string, to: string): number => Number(nanos(to) - nanos(from)) / 1e6;

function expectSpansMatchStore(spans: OtlpSpan[], stored: TraceRecord): void {
  const root = spans.find((s) => s.spanId === stored.root_span_id);
  expect(root).toMatchObject({ traceId: stored.trace_id, name: "moodfood.query" });
  expect(root?.parentSpanId ?? "").toBe("");
  if (!root) return;
  expect(nanos(root.startTimeUnixNano)).toBe(BigInt(stored.started_at) * 1_000_000n);
  expect(ms(root.startTimeUnixNano, root.endTimeUnixNano)).toBeCloseTo(stored.duration_ms ?? -1, 2);
  const children = spans.filter((s) => s !== root);
  expect(children.map((s) => [s.spanId, s.name])).toEqual(stored.spans.map((s) => [s.span_id, s.name]));
  for (const [i, span] of children.entries()) {
    const want = stored.spans[i];
    if (!want) continue;
    expect(span.traceId).toBe(stored.trace_id);
    expect(span.parentSpanId).toBe(stored.root_span_id);
    expect(nanos(span.endTimeUnixNano) >= nanos(span.startTimeUnixNano)).toBe(true);
    // The store keeps µs (3 decimals of ms); the exporter saw the unrounded record.
    expect(Math.abs(ms(span.startTimeUnixNano, span.endTimeUnixNano) - want.duration_ms)).toBeLessThan(0.002);
    expect(Math.abs(ms(root.startTimeUnixNano, span.startTimeUnixNano) - want.start_offset_ms)).toBeLessThan(0.002);
    expect(nanos(span.endTimeUnixNano) <= nanos(root.endTimeUnixNano) + 2000n).toBe(true);
  }
}

describe("OTLP JSON mapping", () => {
  it("maps a stored trace to a root span with its stages as children, ids and times intact", async () => {
    const store = await openTestStore();
    const stored = await runTrace(store, []);
    const request = toExportRequest([stored], { serviceName: "svc", serviceVersion: "1.2.3" });
    const [resourceSpans] = request.resourceSpans;
    expect(attr(resourceSpans?.resource.attributes ?? [], "service.name")).toBe("svc");
    expect(attr(resourceSpans?.resource.attributes ?? [], "service.version")).toBe("1.2.3");
    const scope = resourceSpans?.scopeSpans[0];
    expect(scope?.scope.name).toBe("moodfood");
    const spans = scope?.spans ?? [];
    expect(spans).toHaveLength(3);
    expectSpansMatchStore(spans, stored);
    const root = spans[0];
    expect(root?.status).toEqual({ code: STATUS_OK });
    expect(attr(root?.attributes ?? [], "moodfood.final_decision")).toBe("ml_validated");
    expect(attr(root?.attributes ?? [], "moodfood.labels")).toEqual({ values: [{ stringValue: "emotion_sad" }] });
    expect(attr(root?.attributes ?? [], "user.id")).toBe("u1");
    const llm = spans.find((s) => s.name === "llm_call");
    expect(attr(llm?.attributes ?? [], "gen_ai.provider.name")).toBe("local");
    expect(attr(llm?.attributes ?? [], "gen_ai.request.model")).toBe("moodfood-lexicon-1");
    expect(attr(llm?.attributes ?? [], "gen_ai.usage.input_tokens")).toBe("12"); // int64 travels as a string
    expect(typeof root?.startTimeUnixNano).toBe("string");
  });

  it("marks a failed stage and its trace ERROR with the message and an exception event", async () => {
    const store = await openTestStore();
    const stored = await runTrace(store, [], true);
    const spans = toExportRequest([stored], { serviceName: "moodfood", serviceVersion: "x" }).resourceSpans[0]?.scopeSpans[0]?.spans ?? [];
    const failed = spans.find((s) => s.name === "recommend");
    expect(failed?.status).toEqual({ code: STATUS_ERROR, message: "catalog missing" });
    expect(failed?.events?.[0]?.name).toBe("exception");
    expect(attr(failed?.events?.[0]?.attributes ?? [], "exception.message")).toBe("catalog missing");
    expect(spans.find((s) => s.spanId === stored.root_span_id)?.status).toEqual({ code: STATUS_ERROR, message: "catalog missing" });
  });

  it("leaves the query text out when queries are redacted", async () => {
    const stored = await runTrace(await openTestStore(), []);
    const spans = (redact: boolean) =>
      toExportRequest([stored], { serviceName: "s", serviceVersion: "v", includeQuery: !redact }).resourceSpans[0]?.scopeSpans[0]?.spans ??
      [];
    expect(attr(spans(false)[0]?.attributes ?? [], "moodfood.query")).toBe("sad and cold");
    expect(attr(spans(true)[0]?.attributes ?? [], "moodfood.query")).toBeUndefined();
  });
});

describe("OTLP config from the environment", () => {
  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318" }, "http://c:4318/v1/traces"],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318/base/" }, "http://c:4318/base/v1/traces"],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://t.example/custom" },
      "https://t.example/custom",
    ],
  ])("%j sends to %s", (env, url) => {
    expect(readOtlpConfig(env)?.url).toBe(url);
  });

  it("is off without an endpoint, with OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none", async () => {
    expect(readOtlpConfig({})).toBeUndefined();
    expect(readOtlpConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "  " })).toBeUndefined();
    expect(readOtlpConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c", OTEL_SDK_DISABLED: "true" })).toBeUndefined();
    expect(readOtlpConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c", OTEL_TRACES_EXPORTER: "none" })).toBeUndefined();
    expect(await loadOtlpExporter({})).toBeUndefined();
  });

  it("reads headers (traces-specific win), timeout, service name and version", () => {
    const config = readOtlpConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://c",
      OTEL_EXPORTER_OTLP_HEADERS: "authorization=Bearer%20abc,x-a=1",
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: "x-a=2",
      OTEL_EXPORTER_OTLP_TIMEOUT: "500",
      OTEL_SERVICE_NAME: "mf-test",
    });
    expect(config).toMatchObject({
      headers: { authorization: "Bearer abc", "x-a": "2" },
      timeoutMs: 500,
      serviceName: "mf-test",
      serviceVersion: VERSION,
    });
    expect(readOtlpConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c" })).toMatchObject({ timeoutMs: 2000, serviceName: "moodfood" });
    expect(
      readOtlpConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c", OTEL_EXPORTER_OTLP_TIMEOUT: "9", OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: "300" })
        ?.timeoutMs,
    ).toBe(300);
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "localhost:4318" }, /OTEL_EXPORTER_OTLP_ENDPOINT/],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "not a url" }, /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c", OTEL_EXPORTER_OTLP_TIMEOUT: "soon" }, /OTEL_EXPORTER_OTLP_TIMEOUT/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c", OTEL_EXPORTER_OTLP_HEADERS: "novalue" }, /OTEL_EXPORTER_OTLP_HEADERS/],
  ])("rejects %j naming the variable", (env, message) => {
    expect(() => readOtlpConfig(env)).toThrow(UsageError);
    expect(() => readOtlpConfig(env)).toThrow(message);
  });
});

describe("OTLP exporter over HTTP", () => {
  it("delivers each ended trace to <base>/v1/traces with the store's ids, headers and service.name", async () => {
    const collector = await startCollector();
    collectors.push(collector);
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.base,
      OTEL_EXPORTER_OTLP_HEADERS: "authorization=Bearer t0k",
      OTEL_SERVICE_NAME: "mf-e2e",
    };
    const exporter = await loadOtlpExporter(env);
    if (!exporter) throw new Error("exporter not configured");
    const store = await openTestStore();
    const ok = await runTrace(store, [exporter]);
    const failed = await runTrace(store, [exporter], true);
    await exporter.flush();
    expect(collector.received).toHaveLength(2);
    const [first, second] = collector.received;
    expect(first?.path).toBe("/v1/traces");
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(first?.headers.authorization).toBe("Bearer t0k");
    expect(attr(first?.body.resourceSpans[0]?.resource.attributes ?? [], "service.name")).toBe("mf-e2e");
    expectSpansMatchStore(first?.body.resourceSpans[0]?.scopeSpans[0]?.spans ?? [], ok);
    expectSpansMatchStore(second?.body.resourceSpans[0]?.scopeSpans[0]?.spans ?? [], failed);
  });

  it("costs one warning line and no failure when the collector is unreachable", async () => {
    const port = await closedPort();
    const lines: string[] = [];
    const exporter = await loadOtlpExporter({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` }, { warn: (l) => lines.push(l) });
    if (!exporter) throw new Error("exporter not configured");
    const store = await openTestStore();
    const started = Date.now();
    await runTrace(store, [exporter]);
    await runTrace(store, [exporter]);
    await exporter.flush();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^moodfood: warning: could not export .* over OTLP to http:\/\/127\.0\.0\.1:\d+\/v1\/traces \(ECONNREFUSED\)/);
    expect(lines[0]?.trim().split("\n")).toHaveLength(1);
    expect(await store.traces.list({ limit: 10 })).toHaveLength(2);
  });

  it("gives up on a collector that never answers after the timeout", async () => {
    const collector = await startCollector({ respond: false });
    collectors.push(collector);
    const lines: string[] = [];
    const exporter = await loadOtlpExporter(
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${collector.base}/v1/traces`, OTEL_EXPORTER_OTLP_TIMEOUT: "200" },
      { warn: (l) => lines.push(l) },
    );
    if (!exporter) throw new Error("exporter not configured");
    await runTrace(await openTestStore(), [exporter]);
    const started = Date.now();
    await exporter.flush();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(lines).toEqual([expect.stringMatching(/no answer within 200 ms/)]);
  });

  it("reports an HTTP error status from the collector", async () => {
    const collector = await startCollector({ status: 400 });
    collectors.push(collector);
    const lines: string[] = [];
    const exporter = await loadOtlpExporter({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.base }, { warn: (l) => lines.push(l) });
    await runTrace(await openTestStore(), exporter ? [exporter] : []);
    await exporter?.flush();
    expect(lines).toEqual([expect.stringMatching(/\(HTTP 400 Bad Request\)/)]);
  });
});

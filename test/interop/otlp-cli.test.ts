import { afterEach, describe, expect, it } from "vitest";
import type { SpanRecord } from "../../src/records/trace.js";
import { moodfood, moodfoodAsync, tempDataDir } from "../e2e/cli.js";
import { attr, closedPort, type FakeCollector, startCollector } from "./otlp-collector.js";

const collectors: FakeCollector[] = [];
afterEach(async () => {
  await Promise.all(collectors.splice(0).map((c) => c.close()));
});

const nanos = (value: string) => BigInt(value);

describe("moodfood query with an OTLP endpoint (built bin)", () => {
  it("exports the query's trace with the stored ids, parent links and timings before exiting", async () => {
    const collector = await startCollector();
    collectors.push(collector);
    const dir = tempDataDir();
    const run = await moodfoodAsync(["--data-dir", dir, "query", "sad and it's freezing outside", "--json"], {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.base,
      OTEL_SERVICE_NAME: "moodfood-e2e",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout) as { trace_id: string };
    const stored = JSON.parse(moodfood(["--data-dir", dir, "trace", answer.trace_id, "--json"]).stdout) as {
      trace_id: string;
      started_at: string;
      duration_ms: number;
      spans: SpanRecord[];
    };

    expect(collector.received).toHaveLength(1);
    const request = collector.received[0];
    expect(request?.path).toBe("/v1/traces");
    const resource = request?.body.resourceSpans[0];
    expect(attr(resource?.resource.attributes ?? [], "service.name")).toBe("moodfood-e2e");
    expect(attr(resource?.resource.attributes ?? [], "service.version")).toMatch(/^\d+\.\d+\.\d+/);
    const spans = resource?.scopeSpans[0]?.spans ?? [];
    expect(resource?.scopeSpans[0]?.scope.name).toBe("moodfood");
    const root = spans.find((s) => s.name === "moodfood.query");
    expect(root?.traceId).toBe(answer.trace_id);
    expect(root?.parentSpanId ?? "").toBe("");
    expect(nanos(root?.startTimeUnixNano ?? "0") / 1_000_000n).toBe(BigInt(Date.parse(stored.started_at)));
    const children = spans.filter((s) => s !== root);
    expect(children.map((s) => s.spanId).sort()).toEqual(stored.spans.map((s) => s.span_id).sort());
    for (const span of children) {
      const want = stored.spans.find((s) => s.span_id === span.spanId);
      expect(span.traceId).toBe(answer.trace_id);
      expect(span.parentSpanId).toBe(root?.spanId);
      expect(span.name).toBe(want?.name);
      const start = nanos(span.startTimeUnixNano);
      const end = nanos(span.endTimeUnixNano);
      expect(end >= start).toBe(true);
      expect(Math.abs(Number(end - start) / 1e6 - (want?.duration_ms ?? -1))).toBeLessThan(0.002);
      expect(Math.abs(Number(start - nanos(root?.startTimeUnixNano ?? "0")) / 1e6 - (want?.start_offset_ms ?? -1))).toBeLessThan(0.002);
    }
    const llm = children.find((s) => s.name === "llm_call");
    expect(attr(llm?.attributes ?? [], "gen_ai.provider.name")).toBe("local");
    expect(attr(llm?.attributes ?? [], "gen_ai.usage.input_tokens")).toMatch(/^\d+$/);
  });

  it("answers, exits 0 and prints one warning line when the collector is down", async () => {
    const port = await closedPort();
    const started = Date.now();
    const run = await moodfoodAsync(["--data-dir", tempDataDir(), "query", "tired after the gym", "--json"], {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).trace_id).toMatch(/^[0-9a-f]{32}$/);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^moodfood: warning: could not export trace [0-9a-f]{32} over OTLP .*ECONNREFUSED/);
  });

  it("waits no longer than OTEL_EXPORTER_OTLP_TIMEOUT for a collector that never answers", async () => {
    const collector = await startCollector({ respond: false });
    collectors.push(collector);
    const plain = Date.now();
    await moodfoodAsync(["--data-dir", tempDataDir(), "query", "happy"]);
    const baseline = Date.now() - plain;
    const started = Date.now();
    const run = await moodfoodAsync(["--data-dir", tempDataDir(), "query", "happy"], {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.base,
      OTEL_EXPORTER_OTLP_TIMEOUT: "300",
    });
    const elapsed = Date.now() - started;
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^moodfood: warning: .*no answer within 300 ms.*\n$/);
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed - baseline).toBeLessThan(2000);
  });

  it("rejects an invalid OTEL value as a usage error naming the variable", () => {
    const run = moodfood(["--data-dir", tempDataDir(), "query", "sad"], { env: { OTEL_EXPORTER_OTLP_ENDPOINT: "localhost:4318" } });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/OTEL_EXPORTER_OTLP_ENDPOINT/)]);
  });
});

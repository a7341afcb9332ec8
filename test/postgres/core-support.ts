import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import type { SpanRecord, TraceRecord } from "../../src/records/trace.js";

/** The test cluster; PostgreSQL tests skip without it. */
export const databaseUrl = inject("databaseUrl") || undefined; // test/support/postgres-global-setup.ts
export const SKIP_REASON =
  "needs a PostgreSQL server (apt-get install -y postgresql; the test setup starts a private cluster) or MOODFOOD_TEST_DATABASE_URL";

export interface Scratch {
  schema: string;
  url: string;
  drop: () => Promise<void>;
}

/** A fresh schema name and the URL that selects it; drop() removes it (and everything in it). */
export function scratchSchema(base = databaseUrl as string): Scratch {
  const schema = `t_core_${randomBytes(5).toString("hex")}`;
  const url = new URL(base);
  url.searchParams.set("schema", schema);
  return {
    schema,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Deterministic pseudo-random numbers, so both backends get the very same rows. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

export const T0 = Date.UTC(2026, 4, 4, 9, 0, 0);
const MIN = 60_000;

function spans(rand: () => number, traceId: string): SpanRecord[] {
  const root = `${traceId.slice(0, 16)}`;
  return ["parse", "classify", "custom stage"].slice(0, 1 + Math.floor(rand() * 3)).map((name, i) => ({
    span_id: `${String(i + 1).padStart(2, "0")}${traceId.slice(2, 16)}`,
    parent_span_id: root,
    name,
    start_offset_ms: i * 1.5,
    duration_ms: Math.round(rand() * 100_000) / 1000,
    status: i === 2 ? "error" : "ok",
    attributes: { n: i, "mood.label": "sad", ok: i % 2 === 0 },
    error: i === 2 ? "stage failed" : null,
  }));
}

/** Traces with hex ids (some sharing prefixes), ties on started_at, every status, NULLs and unicode. */
export function coreTraces(count = 60): TraceRecord[] {
  const rand = prng(3);
  return Array.from({ length: count }, (_, i) => {
    const trace_id = `${i % 4 === 0 ? "abc" : "f0"}${randomHexFrom(rand, 32)}`.slice(0, 32);
    const started = T0 + Math.floor(i / 3) * 11 * MIN; // threes share a start time
    const status = (["ok", "ok", "error", "active", "abandoned"] as const)[i % 5] as TraceRecord["status"];
    const ended = status === "active" || status === "abandoned" ? null : started + 150 + Math.floor(rand() * 5000);
    return {
      trace_id,
      root_span_id: trace_id.slice(0, 16),
      started_at: started,
      ended_at: ended,
      duration_ms: ended === null ? null : ended - started + 0.125,
      status,
      query: i % 7 === 0 ? `ünïcödé 😢 ${"cold ".repeat(20)}${i}` : `query ${i}`,
      labels: i % 3 === 0 ? [] : ["emotion_sad", "context_cold"].slice(0, 1 + (i % 2)),
      confidence: status === "ok" ? Math.round(rand() * 1000) / 1000 : null,
      final_decision: status === "ok" ? ((["llm_fallback", "classifier"] as const)[i % 2] ?? null) : null,
      model_version: [null, "m1", "m2"][i % 3] ?? null,
      request_id: `req-${i}`,
      user_id: i % 2 ? `u${i % 4}` : null,
      session_id: i % 4 === 0 ? null : `s${i % 3}`,
      error: status === "error" ? "boom" : null,
      spans: spans(rand, trace_id),
      agreement: [true, false, null][i % 3] ?? null,
      recommendations: i % 2 ? ["soup", "tea"] : [],
    };
  });
}

function randomHexFrom(rand: () => number, length: number): string {
  let hex = "";
  while (hex.length < length) hex += Math.floor(rand() * 16).toString(16);
  return hex;
}

// Synthesises a store of N traces spread over `days`, with the hourly and all-time rollups those
// traces would have written (same names, labels and buckets as src/metrics/trace-rollups.ts),
// straight through SQL so a million traces take seconds, not the hours of real queries.
import Database from "better-sqlite3";

const BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000];
const STAGES = ["parse", "llm_call", "validate", "ml_classify", "decide", "recommend"];
const DECISIONS = ["ml_validated", "ml_validated", "ml_validated", "llm_fallback", "llm_fallback", "ml_only", "default_fallback"];
const HOUR_MS = 3_600_000;

// Deterministic PRNG (mulberry32) so the cached store is the same every time.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const bucketIndex = (v) => {
  for (let i = 0; i < BUCKETS.length; i++) if (v <= BUCKETS[i]) return i;
  return BUCKETS.length;
};
// Label keys as the store writes them (JSON with sorted keys), built directly in that order.
const q = JSON.stringify;
const queriesKey = (decision, mv, status) => `{"decision":${q(decision)},"model_version":${q(mv)},"status":${q(status)}}`;
const stageKey = (decision, mv, stage) => `{"decision":${q(decision)},"model_version":${q(mv)},"stage":${q(stage)}}`;
const statusKey = (mv, status) => `{"model_version":${q(mv)},"status":${q(status)}}`;
const eventKey = (mv, stage, status) => `{"model_version":${q(mv)},"stage":${q(stage)},"status":${q(status)}}`;
const LLM_CALLS_KEY = '{"model":"moodfood-lexicon-1","reason":"ok","status":"ok"}';
const LLM_LATENCY_KEY = '{"model":"moodfood-lexicon-1","status":"ok"}';

/** Fills the (already migrated, empty) store at `dbPath`. Returns { traces, hours, counterRows, histogramRows }. */
export function synthesiseStore(dbPath, { traces = 1_000_000, days = 90, now = Date.now(), seed = 42 } = {}) {
  const random = prng(seed);
  // Ids from the seeded PRNG: crypto.randomBytes costs ~17 µs a call here, minutes at a million traces.
  const hex = (chars) => {
    let out = "";
    while (out.length < chars)
      out += Math.floor(random() * 0x100000000)
        .toString(16)
        .padStart(8, "0");
    return out.slice(0, chars);
  };
  const db = new Database(dbPath);
  db.pragma("journal_mode = DELETE"); // out of WAL first: SQLite will not go from WAL straight to OFF
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -1000000");
  const insertTrace = db.prepare(
    `INSERT INTO traces (trace_id, root_span_id, started_at, ended_at, duration_ms, status, query, labels, confidence, final_decision, model_version, request_id, user_id, session_id, error, spans, recommendations)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)`,
  );
  const counters = new Map();
  const histograms = new Map();
  const hours = days * 24;
  const firstHour = Math.floor(now / HOUR_MS) - hours + 1;
  // name + label key -> hour -> row (hour -1 is the all-time total), as the store's rollup tables hold them.
  const series = (table, name, key) => {
    const id = `${name}\u0000${key}`;
    if (!table.has(id)) table.set(id, new Map());
    return table.get(id);
  };
  const count = (name, key, hour) => {
    const hoursOf = series(counters, name, key);
    hoursOf.set(hour, (hoursOf.get(hour) ?? 0) + 1);
    hoursOf.set(-1, (hoursOf.get(-1) ?? 0) + 1);
  };
  const observe = (name, key, hour, value, traceId, at) => {
    const hoursOf = series(histograms, name, key);
    const index = bucketIndex(value);
    for (const h of [hour, -1]) {
      if (!hoursOf.has(h)) hoursOf.set(h, { count: 0, sum: 0, buckets: new Array(BUCKETS.length + 1).fill(0), exemplar: null });
      const row = hoursOf.get(h);
      row.count++;
      row.sum += value;
      row.buckets[index]++;
      if (traceId) row.exemplar = [traceId, value, at];
    }
  };

  const fill = db.transaction(() => {
    for (let i = 0; i < traces; i++) {
      const hour = firstHour + Math.floor((i / traces) * hours);
      const started = hour * HOUR_MS + Math.floor(random() * HOUR_MS);
      const modelVersion = i < traces / 2 ? "2026.10.1" : "2026.11.1";
      const ok = random() > 0.02;
      const decision = ok ? DECISIONS[Math.floor(random() * DECISIONS.length)] : "none";
      const traceId = hex(32);
      const spans = [];
      let offset = 0;
      for (const stage of STAGES) {
        const d = stage === "llm_call" ? 0.05 + random() * 0.4 : random() * 0.15;
        spans.push({ i: hex(16), p: "r", n: stage, o: Math.round(offset * 1000) / 1000, d: Math.round(d * 1000) / 1000, s: "ok" });
        offset += d;
      }
      const duration = offset + random() * 0.3;
      insertTrace.run(
        traceId,
        hex(16),
        started,
        started + duration,
        duration,
        ok ? "ok" : "error",
        "sad and cold, want something warm",
        '["emotion_sad","weather_cold","goal_comfort"]',
        ok ? 0.5 + random() / 2 : null,
        ok ? decision : null,
        modelVersion,
        hex(16),
        ok ? null : "llm failed",
        JSON.stringify(spans),
        '["Miso soup","Ramen","Congee","Pho","Khichdi"]',
      );
      const at = started + duration;
      const status = ok ? "ok" : "error";
      count("moodfood_queries_total", queriesKey(decision, modelVersion, status), hour);
      observe("moodfood_query_processing_time_ms", stageKey(decision, modelVersion, "total"), hour, duration, traceId, at);
      observe("moodfood_trace_duration_ms", statusKey(modelVersion, status), hour, duration, traceId, at);
      for (const span of spans) {
        observe("moodfood_query_processing_time_ms", stageKey(decision, modelVersion, span.n), hour, span.d, traceId, at);
        count("moodfood_trace_events_total", eventKey(modelVersion, span.n, "ok"), hour);
      }
      count("moodfood_llm_api_calls_total", LLM_CALLS_KEY, hour);
      observe("moodfood_llm_api_latency_ms", LLM_LATENCY_KEY, hour, spans[1].d, null, at);
    }
    const insertCounter = db.prepare("INSERT INTO counter_rollups (name, labels, hour, value) VALUES (?, ?, ?, ?)");
    for (const [id, hoursOf] of counters) {
      const [name, labels] = id.split("\u0000");
      for (const [hour, value] of hoursOf) insertCounter.run(name, labels, hour, value);
    }
    const insertHistogram = db.prepare(
      "INSERT INTO histogram_rollups (name, labels, hour, count, sum, buckets, exemplar_trace_id, exemplar_value, exemplar_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    for (const [id, hoursOf] of histograms) {
      const [name, labels] = id.split("\u0000");
      for (const [hour, r] of hoursOf) {
        insertHistogram.run(
          name,
          labels,
          hour,
          r.count,
          r.sum,
          JSON.stringify(r.buckets),
          r.exemplar?.[0] ?? null,
          r.exemplar?.[1] ?? null,
          r.exemplar?.[2] ?? null,
        );
      }
    }
  });
  fill();
  db.pragma("journal_mode = WAL");
  db.close();
  const rows = (table) => [...table.values()].reduce((n, hoursOf) => n + hoursOf.size, 0);
  return { traces, hours, counterRows: rows(counters), histogramRows: rows(histograms) };
}

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";

// Issue 16: import validates every field like live input; no line can make the store unreadable.
const good = {
  trace_id: "trace_0001",
  request_id: "req-1",
  start_time: "2026-11-20T12:00:00",
  events: [],
  total_duration_ms: 12.5,
  status: "success",
  user_id: "u1",
  session_id: "s1",
  model_version: "v1",
  final_decision: "ml_validated",
};
const ours = (extra: Record<string, unknown>) => ({ ...good, trace_id: `trace_${Math.random().toString(16).slice(2)}`, moodfood: extra });

describe("import of hostile trace lines (built CLI)", () => {
  it("skips each impossible line by number and keeps the store readable", () => {
    const dir = tempDataDir();
    const file = join(dir, "traces.jsonl");
    const lines = [
      good,
      ours({ started_at: 1e300 }),
      ours({ confidence: 7 }),
      ours({ duration_ms: -5 }),
      ours({ query: "x".repeat(52 * 1024) }),
      ours({ labels: Array.from({ length: 500 }, (_, i) => `l${i}`) }),
      { ...good, trace_id: "trace_0002", start_time: "2026-02-30T00:00:00" },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const run = moodfood(["--data-dir", dir, "--json", "import", file]);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as { imported: { traces: number }; skipped: number; errors: { line: number; message: string }[] };
    expect(result.imported.traces).toBe(1);
    expect(result.skipped).toBe(6);
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(result.errors[0]?.message).toMatch(/started_at/);
    expect(result.errors[1]?.message).toMatch(/confidence/);
    expect(result.errors[2]?.message).toMatch(/duration_ms/);
    expect(result.errors[3]?.message).toMatch(/query.*at most 10000/);
    for (const args of [
      ["trace", "list"],
      ["trace", "list", "--json"],
      ["export", "jsonl", "--out", join(dir, "out")],
    ]) {
      expect(moodfood(["--data-dir", dir, ...args]).status).toBe(0);
    }
  });

  it("holds feedback lines to live input too: a time from nowhere or a megabyte comment is skipped by number", () => {
    const dir = tempDataDir();
    const traceFile = join(dir, "traces.jsonl");
    writeFileSync(traceFile, `${JSON.stringify(good)}\n`);
    moodfood(["--data-dir", dir, "import", traceFile]);
    const base = {
      feedback_id: "f1",
      trace_id: "trace_0001",
      model_version: "v1",
      feedback_type: "explicit",
      sentiment: "positive",
      user_rating: 5,
    };
    const lines = [
      { ...base, timestamp: "2026-11-20T12:05:00" },
      { ...base, feedback_id: "f2", timestamp: "2026-11-20T12:05:00", moodfood: { created_at: 1e300 } },
      { ...base, feedback_id: "f3", timestamp: "2026-11-20T12:05:00", feedback_text: "y".repeat(1_000_000) },
      { ...base, feedback_id: "f4", timestamp: "2026-11-20T12:05:00", user_rating: 7 },
    ];
    const file = join(dir, "user_feedback.jsonl");
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const result = JSON.parse(moodfood(["--data-dir", dir, "--json", "import", file]).stdout) as {
      imported: { user_feedback: number };
      errors: { line: number; message: string }[];
    };
    expect(result.imported.user_feedback).toBe(1);
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/created_at/),
      expect.stringMatching(/comment/),
      expect.stringMatching(/user_rating/),
    ]);
  });
});

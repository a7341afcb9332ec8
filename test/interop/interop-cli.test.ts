import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";

describe("moodfood export jsonl / import (built bin)", () => {
  it("exports a store, imports it elsewhere, and a second import adds nothing", () => {
    const source = tempDataDir();
    const answer = JSON.parse(moodfood(["--data-dir", source, "query", "sad and cold", "--json"]).stdout) as { trace_id: string };
    const out = join(tempDataDir(), "export");
    const exported = moodfood(["--data-dir", source, "export", "jsonl", "--out", out, "--json"]);
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout).files.map((f: { kind: string; lines: number }) => [f.kind, f.lines])).toEqual([
      ["traces", 1],
      ["user_feedback", 0],
      ["drift_metrics", 0],
      ["drift_alerts", 0],
      ["feedback_metrics", 0],
    ]);
    const line = JSON.parse(readFileSync(join(out, "traces.jsonl"), "utf8")) as { trace_id: string; events: { stage: string }[] };
    expect(line.trace_id).toBe(answer.trace_id);
    expect(line.events.map((e) => e.stage)).toContain("llm_call_end");

    const target = tempDataDir();
    const first = moodfood(["--data-dir", target, "import", out, "--json"]);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: { traces: 1 }, duplicates: 0, skipped: 0, errors: [] });
    const second = moodfood(["--data-dir", target, "import", out]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/traces\.jsonl \(traces\): 0 imported, 1 already present/);
    const shown = JSON.parse(moodfood(["--data-dir", target, "trace", answer.trace_id, "--json"]).stdout);
    const original = JSON.parse(moodfood(["--data-dir", source, "trace", answer.trace_id, "--json"]).stdout);
    expect(shown).toEqual(original);
  });

  it("lists malformed lines with their numbers, imports the rest and exits 1", () => {
    const dir = tempDataDir();
    const path = join(dir, "user_feedback.jsonl");
    const good = {
      feedback_id: "f1",
      timestamp: "2025-03-01T10:01:00",
      trace_id: "trace_0123456789abcdef",
      model_version: "v1",
      feedback_type: "explicit",
      sentiment: "positive",
      query: "q",
      recommendations: [],
      user_rating: 5,
      feedback_text: null,
      session_id: null,
      user_id: null,
    };
    writeFileSync(path, `${JSON.stringify(good)}\n{"feedback_id": \n${JSON.stringify({ ...good, feedback_id: "f3", user_rating: 9 })}\n`);
    const human = moodfood(["--data-dir", dir, "import", path]);
    expect(human.status).toBe(1);
    expect(human.stdout).toMatch(/1 imported/);
    expect(human.stdout).toMatch(/user_feedback\.jsonl:2: is not valid JSON/);
    expect(human.stdout).toMatch(/user_feedback\.jsonl:3: "user_rating" must be a whole number from 1 to 5/);
    const json = moodfood(["--data-dir", dir, "import", path, "--json"]);
    expect(json.status).toBe(1);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ imported: { user_feedback: 0 }, duplicates: 1, skipped: 2 });
    expect(result.errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
  });

  it.each([
    [["import", "/nonexistent/traces.jsonl"], 1, /does not exist/],
    [["import", "x.jsonl", "--as", "nonsense"], 2, /nonsense/],
    [["import"], 2, /missing required argument/i],
  ])("%j exits %i with one line", (args, code, message) => {
    const run = moodfood(["--data-dir", tempDataDir(), ...args]);
    expect(run.status).toBe(code);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(message)]);
  });

  it("will not overwrite an earlier export without --force", () => {
    const dir = tempDataDir();
    const out = join(dir, "exp");
    expect(moodfood(["--data-dir", dir, "export", "jsonl", "--out", out]).status).toBe(0);
    const again = moodfood(["--data-dir", dir, "export", "jsonl", "--out", out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists; pass --force/);
    expect(moodfood(["--data-dir", dir, "export", "jsonl", "--out", out, "--force"]).status).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { openTestStore } from "../support/test-store.js";
import { moodfood, moodfoodAsync, tempDataDir } from "./cli.js";

const STAGES = ["parse", "llm_call", "validate", "ml_classify", "decide", "recommend"];

describe("moodfood query (built bin)", () => {
  it("answers with labels, a decision, ranked dishes and a stored six-span trace", async () => {
    const dir = tempDataDir();
    const run = moodfood(["--data-dir", dir, "query", "I'm sad and it's freezing outside", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.labels).toContain("emotion_sad");
    expect(["ml_validated", "llm_fallback", "ml_only", "default_fallback"]).toContain(answer.final_decision);
    expect(answer.recommendations).toHaveLength(5);
    for (const dish of answer.recommendations) {
      expect(dish).toEqual({
        name: expect.any(String),
        cuisine: expect.any(String),
        score: expect.any(Number),
        reason: expect.any(String),
        diet: expect.any(Array),
      });
    }
    const store = await openTestStore(dir);
    const trace = await store.traces.get(answer.trace_id);
    await store.close();
    expect(trace?.status).toBe("ok");
    expect(trace?.spans.map((s) => s.name).sort()).toEqual([...STAGES].sort());
    for (const span of trace?.spans ?? []) expect(span.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it("prints a human answer with the trace id", () => {
    const run = moodfood(["--data-dir", tempDataDir(), "query", "tired", "after", "the", "gym"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Mood/);
    expect(run.stdout).toMatch(/trace [0-9a-f]{32}/);
  });

  it("respects --diet as a hard filter", () => {
    const run = moodfood([
      "--data-dir",
      tempDataDir(),
      "query",
      "--diet",
      "vegan,gluten_free",
      "--top",
      "8",
      "--json",
      "comfort food please",
    ]);
    const answer = JSON.parse(run.stdout);
    expect(answer.labels).toEqual(expect.arrayContaining(["diet_vegan", "diet_gluten_free"]));
    for (const dish of answer.recommendations) expect(dish.diet).toEqual(expect.arrayContaining(["vegan", "gluten_free"]));
  });

  it.each([
    [["query", ""], /empty/],
    [["query", "\u0001\u0002"], /empty/],
    [["query", "--top", "0", "sad"], /--top/],
    [["query", "--diet", "paleo", "sad"], /paleo/],
    [["query"], /missing required argument/i],
    [["frobnicate"], /unknown command/i],
  ])("rejects %j with one line and exit 2, leaving no trace", (args, message) => {
    const dir = tempDataDir();
    const run = moodfood(["--data-dir", dir, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
    const list = moodfood(["--data-dir", dir, "trace", "list", "--json"]);
    expect(JSON.parse(list.stdout).traces).toHaveLength(0);
  });

  it("reports errors as JSON on stderr in --json mode", () => {
    const run = moodfood(["--data-dir", tempDataDir(), "--json", "query", "   "]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stderr)).toEqual({ error: { code: "empty_query", message: expect.any(String) } });
    expect(run.stdout).toBe("");
  });

  it("rejects a 20,000-character query with exit 2 and records the failed trace", () => {
    const dir = tempDataDir();
    const run = moodfood(["--data-dir", dir, "query", "sad ".repeat(5000)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/limit is 10000/);
    const { traces } = JSON.parse(moodfood(["--data-dir", dir, "trace", "list", "--json"]).stdout);
    expect(traces).toHaveLength(1);
    expect(traces[0].status).toBe("error");
    expect(traces[0].spans[0]).toMatchObject({ name: "parse", status: "error" });
  });

  it("strips control characters before understanding the query", () => {
    const run = moodfood(["--data-dir", tempDataDir(), "query", "--json", "I'm \u001b[31msad\u001b[0m\u0007 and cold"]);
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer.query).toBe("I'm sad and cold");
    expect(answer.labels).toContain("emotion_sad");
  });

  it("loses nothing with 4 parallel processes x 25 queries", async () => {
    const dir = tempDataDir();
    const worker = async (w: number) => {
      for (let i = 0; i < 25; i++) {
        const run = await moodfoodAsync(["--data-dir", dir, "query", `worker ${w} query ${i}: stressed and hungry`]);
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
      }
    };
    await Promise.all([0, 1, 2, 3].map(worker));
    const { traces } = JSON.parse(moodfood(["--data-dir", dir, "trace", "list", "--limit", "1000", "--json"]).stdout);
    expect(traces).toHaveLength(100);
    expect(traces.every((t: { status: string }) => t.status === "ok")).toBe(true);
  }, 120_000);
});

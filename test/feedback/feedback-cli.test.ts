import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";
import { openTestStore } from "../support/test-store.js";

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

function queryTrace(dir: string, text: string): string {
  const run = moodfood(["--data-dir", dir, "query", text, "--json"]);
  expect(run.status, run.stderr).toBe(0);
  return json(run.stdout).trace_id as string;
}

/** Every stored feedback row, read from the data dir's store as rows (not through the summary's counts). */
const feedbackRows = async (dir: string) => {
  const store = await openTestStore(dir, { readonly: true });
  try {
    return await store.feedback.between(0, Number.MAX_SAFE_INTEGER);
  } finally {
    await store.close();
  }
};

describe("moodfood feedback explicit / implicit", () => {
  it("records a rating with a correction on a trace named by prefix, and a signal, as the stored records", async () => {
    const dir = tempDataDir();
    const traceId = queryTrace(dir, "I'm sad and it's freezing");
    const explicit = moodfood([
      "--data-dir",
      dir,
      "feedback",
      "explicit",
      traceId.slice(0, 8),
      "--rating",
      "2",
      "--thumbs",
      "down",
      "--comment",
      "terrible, awful suggestions",
      "--labels",
      "emotion_sad,weather_cold",
      "--json",
    ]);
    expect(explicit.status, explicit.stderr).toBe(0);
    const record = json(explicit.stdout);
    expect(record).toMatchObject({
      trace_id: traceId,
      type: "explicit",
      rating: 2,
      thumbs: "down",
      sentiment: "negative",
      labels: ["emotion_sad", "weather_cold"],
    });
    expect(record.model_version).toMatch(/^mf-/);
    const implicit = moodfood(["--data-dir", dir, "feedback", "implicit", traceId, "accept", "--json"]);
    expect(implicit.status, implicit.stderr).toBe(0);
    expect(json(implicit.stdout)).toMatchObject({ trace_id: traceId, type: "implicit", signal: "accept", sentiment: "positive" });
    expect((await feedbackRows(dir)).map((r) => r.feedback_id).sort()).toEqual(
      [record.feedback_id, json(implicit.stdout).feedback_id].sort(),
    );
    const human = moodfood(["--data-dir", dir, "feedback", "implicit", traceId.slice(0, 10), "skip"]);
    expect(human.stdout).toContain(`Recorded the signal skip for trace ${traceId}`);
  });

  it.each([
    [["--rating", "0"], 2, "invalid_rating"],
    [["--rating", "6"], 2, "invalid_rating"],
    [["--rating", "3.5"], 2, "invalid_rating"],
    [["--rating", "abc"], 2, "invalid_rating"],
    [["--rating", "4", "--labels", "emotion_sadd"], 2, "unknown_label"],
  ])("refuses %j with exit %i and writes nothing", async (args, status, code) => {
    const dir = tempDataDir();
    const traceId = queryTrace(dir, "tired");
    const run = moodfood(["--data-dir", dir, "--json", "feedback", "explicit", traceId, ...(args as string[])]);
    expect(run.status).toBe(status);
    expect(run.stdout).toBe("");
    expect(JSON.parse(run.stderr).error.code).toBe(code);
    expect(await feedbackRows(dir)).toEqual([]);
  });

  it("refuses an unknown signal (exit 2) and an unknown trace (exit 1)", async () => {
    const dir = tempDataDir();
    const traceId = queryTrace(dir, "tired");
    const signal = moodfood(["--data-dir", dir, "feedback", "implicit", traceId, "wave"]);
    expect(signal.status).toBe(2);
    expect(signal.stderr.trim().split("\n")).toHaveLength(1);
    const unknown = moodfood(["--data-dir", dir, "feedback", "explicit", "0af7651916cd43dd8448eb211c80319c", "--rating", "4"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("No trace with id");
    expect(await feedbackRows(dir)).toEqual([]);
  });
});

describe("moodfood feedback summary", () => {
  it("reports numbers equal to the stored rows, counted independently", async () => {
    const dir = tempDataDir();
    const sim = moodfood([
      "--data-dir",
      dir,
      "simulate",
      "--days",
      "3",
      "--per-day",
      "200",
      "--seed",
      "7",
      "--feedback-rate",
      "0.5",
      "--json",
    ]);
    expect(sim.status, sim.stderr).toBe(0);
    const run = moodfood(["--data-dir", dir, "feedback", "summary", "--days", "5", "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const summary = json(run.stdout) as {
      total_feedback: number;
      positive_ratio: number;
      negative_ratio: number;
      neutral_ratio: number;
      average_rating: number;
      trend: string;
      per_day: { date: string; total_feedback: number }[];
      by_model_version: Record<string, { total_feedback: number }>;
    };
    const rows = await feedbackRows(dir);
    const since = Date.parse(`${summary.per_day[0]?.date}T00:00:00Z`);
    const inWindow = rows.filter((r) => (r.created_at as number) >= since);
    expect(inWindow.length).toBeGreaterThan(100);
    expect(summary.total_feedback).toBe(inWindow.length);
    const share = (s: string) => Math.round((inWindow.filter((r) => r.sentiment === s).length / inWindow.length) * 10000) / 10000;
    expect(summary.positive_ratio).toBe(share("positive"));
    expect(summary.negative_ratio).toBe(share("negative"));
    expect(summary.neutral_ratio).toBe(share("neutral"));
    const ratings = inWindow.flatMap((r) => (r.rating === null ? [] : [r.rating as number]));
    expect(summary.average_rating).toBeCloseTo(ratings.reduce((a, b) => a + b, 0) / ratings.length, 4);
    expect(summary.per_day).toHaveLength(5);
    expect(summary.per_day.reduce((n, d) => n + d.total_feedback, 0)).toBe(inWindow.length);
    for (const day of summary.per_day) {
      const start = Date.parse(`${day.date}T00:00:00Z`);
      expect(day.total_feedback).toBe(
        inWindow.filter((r) => (r.created_at as number) >= start && (r.created_at as number) < start + 86_400_000).length,
      );
    }
    expect(Object.values(summary.by_model_version).reduce((n, v) => n + v.total_feedback, 0)).toBe(inWindow.length);
    expect(["improving", "declining", "stable", "insufficient_data"]).toContain(summary.trend);
  });
});

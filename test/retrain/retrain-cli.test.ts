import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";

describe("moodfood retrain", () => {
  it("trains a candidate from a simulated feedback stream, prints both held-out scores, records the run", { timeout: 120_000 }, () => {
    const dir = tempDataDir();
    const sim = moodfood(["--data-dir", dir, "simulate", "--days", "3", "--per-day", "300", "--seed", "11", "--feedback-rate", "0.5"]);
    expect(sim.status, sim.stderr).toBe(0);
    const buffer = JSON.parse(moodfood(["--data-dir", dir, "feedback", "buffer", "--json"]).stdout);
    expect(buffer.size).toBeGreaterThan(0);
    expect(buffer.gold + buffer.silver).toBe(buffer.size);

    const run = moodfood(["--data-dir", dir, "retrain", "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.candidate).toMatch(/^mf-[0-9a-f]{8}$/);
    expect(r.candidate).not.toBe(r.active);
    expect(r.promoted).toBe(false);
    expect(typeof r.reason).toBe("string");
    expect(r.scores.candidate).toMatchObject({ version: r.candidate, examples: r.scores.active.examples });
    expect(r.scores.candidate.macro_f1).toBeGreaterThan(0.5);
    expect(r.scores.active.version).toBe(r.active);
    expect(r.buffer).toMatchObject({ size: buffer.size, gold: buffer.gold, silver: buffer.silver, gold_ratio: buffer.gold_ratio });

    const models = JSON.parse(moodfood(["--data-dir", dir, "models", "list", "--json"]).stdout);
    expect(models).toMatchObject({ active: r.active, candidate: null });
    expect(models.models.map((m: { version: string }) => m.version)).toContain(r.candidate);

    const metrics = moodfood(["--data-dir", dir, "metrics", "show"]).stdout;
    expect(metrics).toContain(`moodfood_retrains_total{status="${r.status}",trigger="manual",model_version="${r.candidate}"} 1`);
    expect(metrics).toContain(`moodfood_training_buffer_size ${buffer.size}`);

    const named = moodfood(["--data-dir", dir, "models", "candidate", r.candidate, "--json"]);
    expect(JSON.parse(named.stdout)).toEqual({ candidate: r.candidate, ab_split: 0 });
    expect(moodfood(["--data-dir", dir, "models", "candidate", "--clear"]).stdout).toContain("No A/B candidate");
    expect(moodfood(["--data-dir", dir, "models", "candidate", "mf-00000000"]).status).toBe(1);
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { recordExplicitFeedback } from "../../src/feedback/record-feedback.js";
import { loadCuratedData } from "../../src/feedback/retrain/gate-set.js";
import { runRetrain } from "../../src/feedback/retrain/run-retrain.js";
import { showBuffer } from "../../src/feedback/show-buffer.js";
import { openRuntime, type Runtime } from "../../src/runtime/runtime.js";
import { backendEnv, openTestStore } from "../support/test-store.js";

// Many distinct sad phrasings, so de-duplication by text alone cannot be what stops the flood.
const OPENERS = ["honestly", "today", "tonight", "ugh", "lately", "right now"];
const SAD = ["i'm so sad", "i feel really down", "i'm heartbroken", "i've been crying all day", "i feel miserable and sad"];
const CLOSERS = ["", " and need food", ", feed me", " :("];
const SAD_QUERIES = OPENERS.flatMap((o) => SAD.flatMap((s) => CLOSERS.map((c) => `${o} ${s}${c}`)));

interface Seen {
  labels: string[];
  decision: string;
  model: string;
  dishes: string[];
}

async function answers(runtime: Runtime, queries: readonly string[]): Promise<{ seen: Seen[]; traceIds: string[] }> {
  const seen: Seen[] = [];
  const traceIds: string[] = [];
  for (const text of queries) {
    const a = await runtime.query({ text });
    traceIds.push(a.trace_id);
    seen.push({ labels: a.labels, decision: a.final_decision, model: a.model_version, dishes: a.recommendations.map((r) => r.name) });
  }
  return { seen, traceIds };
}

async function openTemp() {
  const dir = mkdtempSync(join(tmpdir(), "mf-hostile-"));
  const store = await openTestStore(dir);
  const config = loadConfig({ flags: { dataDir: dir }, env: backendEnv(["--data-dir", dir]), cwd: dir });
  const runtime = await openRuntime(config, { traces: "store", store });
  return { store, runtime, config };
}

describe("a flood of confident wrong corrections (sad queries relabelled weather_hot)", () => {
  it("leaves the answers to sad queries unchanged, promoted or not", { timeout: 120_000 }, async () => {
    expect(SAD_QUERIES.length).toBe(120);
    const { store, runtime, config } = await openTemp();
    const before = await answers(runtime, SAD_QUERIES);
    expect(before.seen.every((s) => s.labels.includes("emotion_sad"))).toBe(true);

    // 360 five-star ratings with thumbs up and glowing comments, each from a different "user", all saying weather_hot.
    const now = Date.now();
    for (let i = 0; i < 360; i++) {
      const traceId = before.traceIds[i % before.traceIds.length] as string;
      const input = {
        traceId,
        rating: 5,
        thumbs: "up",
        comment: "perfect, exactly right!",
        labels: ["weather_hot"],
        userId: `attacker-${i}`,
      };
      await recordExplicitFeedback(store, input, now + i);
    }
    const buffer = await showBuffer(store, now);
    expect(buffer.size).toBe(0);
    expect(buffer.rejected.contradicts_text).toBe(360);

    const result = await runRetrain(store, { promote: true });
    expect(result.promoted).toBe(false);
    expect(result.status).toBe("identical");

    await runtime.close();
    const again = await openRuntime(config, { traces: "store", store });
    const after = await answers(again, SAD_QUERIES);
    expect(after.seen).toEqual(before.seen);
    expect(after.seen.some((s) => s.labels.includes("weather_hot"))).toBe(false);
    await again.close();
    await store.close();
  });

  it("is refused by the gate even if it got past the buffer's checks", { timeout: 120_000 }, async () => {
    const { store, runtime, config } = await openTemp();
    const before = await answers(runtime, SAD_QUERIES.slice(0, 20));
    // As if every check of the buffer had failed: the flood goes straight into the training data.
    const curated = loadCuratedData();
    const poisoned = { ...curated, base: [...curated.base, ...SAD_QUERIES.map((q) => ({ q, labels: ["weather_hot"] }))] };
    const result = await runRetrain(store, { promote: true, curated: poisoned });
    expect(result.candidate).not.toBe(result.active);
    expect(result.promoted).toBe(false);
    expect(result.status).toBe("rejected");
    expect(result.gate.regressions.map((r) => r.label)).toContain("emotion_sad");
    expect(result.scores.candidate.per_label.emotion_sad?.f1).toBeLessThan(result.scores.active.per_label.emotion_sad?.f1 ?? 0);

    await runtime.close();
    const again = await openRuntime(config, { traces: "store", store });
    expect((await answers(again, SAD_QUERIES.slice(0, 20))).seen).toEqual(before.seen);
    await again.close();
    await store.close();
  });
});

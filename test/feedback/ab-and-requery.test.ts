import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import type { Config } from "../../src/config/settings.js";
import { loadCuratedData } from "../../src/feedback/retrain/gate-set.js";
import { loadShippedClassifier } from "../../src/pipeline/classifier/load.js";
import { createClassifier } from "../../src/pipeline/classifier/model.js";
import { saveModel, setCandidate } from "../../src/pipeline/classifier/model-registry.js";
import { trainClassifier } from "../../src/pipeline/classifier/train.js";
import { labelNames } from "../../src/pipeline/taxonomy.js";
import { abRouter, userShare } from "../../src/runtime/ab-split.js";
import { openRuntime } from "../../src/runtime/runtime.js";
import type { Store } from "../../src/store/store.js";
import { openTestStore } from "../support/test-store.js";

const config = (env: Record<string, string> = {}): Config => loadConfig({ flags: { dataDir: ":memory:" }, env, cwd: "/" });

/** A second model version in the store (a small training set keeps this quick). */
async function storeWithCandidate(): Promise<{ store: Store; candidate: string }> {
  const store = await openTestStore();
  const artifact = trainClassifier(loadCuratedData().base.slice(0, 400), { labels: labelNames(), epochs: 2, calibrationFolds: 2 });
  await saveModel(store, artifact, Date.now());
  await setCandidate(store, artifact.header.version, Date.now());
  return { store, candidate: artifact.header.version };
}

describe("A/B split (MOODFOOD_AB_SPLIT) in the runtime", () => {
  it("sends about half the queries to each version at 0.5, and all to the active one at 0", { timeout: 60_000 }, async () => {
    const { store, candidate } = await storeWithCandidate();
    const active = loadShippedClassifier().version;
    const half = await openRuntime(config({ MOODFOOD_AB_SPLIT: "0.5" }), { traces: "none", store });
    const versions = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const a = await half.query({ text: "sad and cold" });
      versions.set(a.model_version, (versions.get(a.model_version) ?? 0) + 1);
    }
    expect([...versions.keys()].sort()).toEqual([active, candidate].sort());
    // Binomial(400, 0.5): 200 ± 3 standard deviations (30).
    expect(versions.get(candidate)).toBeGreaterThan(170);
    expect(versions.get(candidate)).toBeLessThan(230);
    const off = await openRuntime(config(), { traces: "none", store });
    for (let i = 0; i < 20; i++) expect((await off.query({ text: "tired" })).model_version).toBe(active);
  });

  it("keeps one user on one version, and splits users about evenly", async () => {
    const active = createClassifier(loadShippedClassifier().artifact);
    const { store, candidate } = await storeWithCandidate();
    const route = abRouter(store, 0.5);
    for (const user of ["alice", "bob", "carol"]) {
      const first = (await route(active, user)).version;
      for (let i = 0; i < 10; i++) expect((await route(active, user)).version).toBe(first);
      expect(first).toBe(userShare(user) < 0.5 ? candidate : active.version);
    }
    const users = Array.from({ length: 2000 }, (_, i) => `user-${i}`);
    const share = users.filter((u) => userShare(u) < 0.5).length / users.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
  });
});

describe("implicit re_query from POST /query sessions", () => {
  it("records re_query on the session's previous trace within the window, once", async () => {
    const store = await openTestStore();
    const runtime = await openRuntime(config(), { traces: "store", store });
    const first = await runtime.query({ text: "sad", sessionId: "s1" });
    const second = await runtime.query({ text: "really sad, something warm", sessionId: "s1" });
    await runtime.query({ text: "anything", sessionId: "s2" });
    expect((await store.feedback.forTrace(first.trace_id)).map((f) => [f.type, f.signal, f.sentiment, f.session_id])).toEqual([
      ["implicit", "re_query", "negative", "s1"],
    ]);
    expect(await store.feedback.forTrace(second.trace_id)).toEqual([]);
    await runtime.query({ text: "still sad", sessionId: "s1" });
    expect((await store.feedback.forTrace(second.trace_id)).map((f) => f.signal)).toEqual(["re_query"]);
    expect(await store.feedback.forTrace(first.trace_id)).toHaveLength(1);
  });

  it("records nothing without a session, outside the window, or with MOODFOOD_REQUERY_WINDOW=0", async () => {
    for (const env of [{ MOODFOOD_REQUERY_WINDOW: "0" }, {}] as Record<string, string>[]) {
      const store = await openTestStore();
      const runtime = await openRuntime(config(env), { traces: "store", store });
      const a = await runtime.query({ text: "sad" });
      await runtime.query({ text: "sad" });
      expect(await store.feedback.forTrace(a.trace_id)).toEqual([]);
      const b = await runtime.query({ text: "sad", sessionId: "s" });
      await runtime.query({ text: "sadder", sessionId: "s" });
      expect(await store.feedback.forTrace(b.trace_id)).toHaveLength(Object.keys(env).length === 0 ? 1 : 0);
    }
    const store = await openTestStore();
    const runtime = await openRuntime(config({ MOODFOOD_REQUERY_WINDOW: "1" }), { traces: "store", store });
    const old = await runtime.query({ text: "sad", sessionId: "s" });
    await new Promise((r) => setTimeout(r, 1100));
    await runtime.query({ text: "sad again", sessionId: "s" });
    expect(await store.feedback.forTrace(old.trace_id)).toEqual([]);
  });
});

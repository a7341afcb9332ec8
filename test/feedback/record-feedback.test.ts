import { describe, expect, it } from "vitest";
import { recordExplicitFeedback, recordImplicitFeedback } from "../../src/feedback/record-feedback.js";
import { storeSink } from "../../src/runtime/store-sink.js";
import type { Store } from "../../src/store/store.js";
import { endTrace, startTrace, traceWritten } from "../../src/tracing/tracer.js";
import { openTestStore } from "../support/test-store.js";

const NOW = Date.UTC(2025, 0, 15, 12);

async function storeWithTrace(): Promise<{ store: Store; traceId: string }> {
  const store = await openTestStore();
  const trace = startTrace({ query: "sad and cold", sink: storeSink(store), userId: "u1", sessionId: "s1" });
  endTrace(trace, { labels: ["emotion_sad"], final_decision: "ml_validated", model_version: "m1" });
  await traceWritten(trace);
  return { store, traceId: trace.record.trace_id };
}

const feedbackTotal = async (store: Store) =>
  (await store.rollups.counterTotals()).filter((c) => c.name === "moodfood_user_feedback_total");

describe("recordExplicitFeedback", () => {
  it("stores the rating tied to the trace, with its model version, and counts it", async () => {
    const { store, traceId } = await storeWithTrace();
    const record = await recordExplicitFeedback(store, { traceId, rating: 5 }, NOW);
    expect(record).toMatchObject({
      trace_id: traceId,
      type: "explicit",
      rating: 5,
      sentiment: "positive",
      model_version: "m1",
      user_id: "u1",
      session_id: "s1",
      created_at: NOW,
    });
    expect(await store.feedback.forTrace(traceId)).toEqual([record]);
    expect(await feedbackTotal(store)).toEqual([
      { name: "moodfood_user_feedback_total", labels: { model_version: "m1", sentiment: "positive", type: "explicit" }, value: 1 },
    ]);
  });

  it("refines a 3 by the comment and strips control characters from it", async () => {
    const { store, traceId } = await storeWithTrace();
    const record = await recordExplicitFeedback(
      store,
      { traceId, rating: "3", comment: "\u001b[31mgreat, loved it\u001b[0m", thumbs: "up" },
      NOW,
    );
    expect(record).toMatchObject({ rating: 3, comment: "great, loved it", thumbs: "up", sentiment: "positive" });
  });

  it.each([0, 6, 3.5, "abc", "", null])("rejects rating %j as a usage error and stores nothing", async (rating) => {
    const { store, traceId } = await storeWithTrace();
    await expect(recordExplicitFeedback(store, { traceId, rating: rating as number }, NOW)).rejects.toMatchObject({
      code: "invalid_rating",
      exitCode: 2,
    });
    expect(await store.feedback.forTrace(traceId)).toEqual([]);
    expect(await feedbackTotal(store)).toEqual([]);
  });

  it("rejects an unknown trace id", async () => {
    const { store } = await storeWithTrace();
    await expect(recordExplicitFeedback(store, { traceId: "0af7651916cd43dd8448eb211c80319c", rating: 4 }, NOW)).rejects.toMatchObject({
      name: "UserError",
      code: "trace_not_found",
      exitCode: 1,
    });
  });

  it("rejects bad thumbs", async () => {
    const { store, traceId } = await storeWithTrace();
    await expect(recordExplicitFeedback(store, { traceId, rating: 4, thumbs: "sideways" }, NOW)).rejects.toMatchObject({
      code: "invalid_thumbs",
    });
  });
});

describe("recordImplicitFeedback", () => {
  it("stores the signal with its sentiment", async () => {
    const { store, traceId } = await storeWithTrace();
    const record = await recordImplicitFeedback(store, { traceId, signal: "re_query" }, NOW);
    expect(record).toMatchObject({ type: "implicit", signal: "re_query", rating: null, sentiment: "negative" });
    expect(await store.feedback.get(record.feedback_id)).toEqual(record);
  });

  it("rejects an unknown signal", async () => {
    const { store, traceId } = await storeWithTrace();
    await expect(recordImplicitFeedback(store, { traceId, signal: "like" }, NOW)).rejects.toThrow(/accept/);
  });
});

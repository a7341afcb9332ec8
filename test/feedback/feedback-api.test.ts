import { afterEach, describe, expect, it } from "vitest";
import { recordQuery } from "../metrics/helpers.js";
import { startTestServer, type TestServer } from "../server/helpers.js";
import { openTestStore } from "../support/test-store.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const post = (path: string, body: unknown) =>
  fetch(`${server?.base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("POST /feedback/explicit, /feedback/implicit and GET /feedback/summary", () => {
  it("store the record (200 with it), found again by the summary", async () => {
    const store = await openTestStore();
    const traceId = await recordQuery(store, { modelVersion: "m1" });
    server = await startTestServer({ store });
    const explicit = await post("/feedback/explicit", { trace_id: traceId.slice(0, 8), rating: 5, thumbs: "up", labels: ["emotion_sad"] });
    expect(explicit.status).toBe(200);
    const record = (await explicit.json()) as Record<string, unknown>;
    expect(record).toMatchObject({ trace_id: traceId, rating: 5, sentiment: "positive", labels: ["emotion_sad"], model_version: "m1" });
    const implicit = await post("/feedback/implicit", { trace_id: traceId, signal: "skip" });
    expect(implicit.status).toBe(200);
    expect(await implicit.json()).toMatchObject({ signal: "skip", sentiment: "negative" });
    expect((await store.feedback.forTrace(traceId)).map((f) => f.feedback_id)).toContain(record.feedback_id);

    const summary = (await (await fetch(`${server.base}/feedback/summary?days=1`)).json()) as Record<string, unknown>;
    expect(summary).toMatchObject({ total_feedback: 2, positive_ratio: 0.5, negative_ratio: 0.5, average_rating: 5 });
    expect(summary.by_model_version).toMatchObject({ m1: { total_feedback: 2 } });
  });

  it.each([
    ["/feedback/explicit", { rating: 6 }, 400, "invalid_rating"],
    ["/feedback/explicit", { rating: 0 }, 400, "invalid_rating"],
    ["/feedback/explicit", { rating: 3.5 }, 400, "invalid_rating"],
    ["/feedback/explicit", { rating: "abc" }, 400, "invalid_rating"],
    ["/feedback/explicit", { rating: 4, labels: ["weather_hott"] }, 400, "unknown_label"],
    ["/feedback/explicit", { rating: 4, mood: "x" }, 400, "unknown_field"],
    ["/feedback/implicit", { signal: "wave" }, 400, "invalid_signal"],
  ])("%s %j answers %i %s and stores nothing", async (path, fields, status, code) => {
    const store = await openTestStore();
    const traceId = await recordQuery(store);
    server = await startTestServer({ store });
    const response = await post(path, { trace_id: traceId, ...fields });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(await store.feedback.forTrace(traceId)).toEqual([]);
  });

  it("answers 404 for an unknown trace", async () => {
    server = await startTestServer();
    const response = await post("/feedback/implicit", { trace_id: "0af7651916cd43dd8448eb211c80319c", signal: "accept" });
    expect(response.status).toBe(404);
  });
});

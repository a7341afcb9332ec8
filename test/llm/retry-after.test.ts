import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callProvider, type LlmCallError } from "../../src/pipeline/llm-call.js";
import { createOpenAiProvider } from "../../src/pipeline/providers/openai.js";
import { retryAfterMs } from "../../src/pipeline/providers/retry-plan.js";
import type { ParsedQuery } from "../../src/pipeline/types.js";
import { type FakeOpenAi, startFakeOpenAi, valid } from "./fake-openai.js";

const query: ParsedQuery = { text: "tired and cold", truncated: false, diets: [], allergens: [], negatedLabels: [] };

describe("Retry-After header", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");
  it.each([
    ["2", 2000],
    [" 0 ", 0],
    ["Sun, 01 Mar 2026 12:00:03 GMT", 3000],
    ["Sun, 01 Mar 2026 11:59:00 GMT", 0], // a date in the past: retry now
    ["-1", undefined],
    ["1.5", undefined],
    ["soon", undefined],
  ])("reads %j as %s ms", (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms);
  });
  it("is absent without the header", () => expect(retryAfterMs(null, now)).toBeUndefined());
});

describe("openai provider on HTTP 429", () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterAll(() => fake.close());

  const provider = (timeoutMs: number) =>
    createOpenAiProvider({ baseUrl: fake.baseUrl, apiKey: "sk-test", model: "fake-model", timeoutMs, labels: ["emotion_tired"] });

  it("waits what Retry-After asks (seconds) when it fits the budget, then succeeds", async () => {
    fake.requests.length = 0;
    fake.script({ kind: "status", status: 429, headers: { "retry-after": "1" } }, valid());
    const started = Date.now();
    const reply = await callProvider(provider(3000), query, 3000);
    expect(reply.labels).toEqual(["emotion_tired", "weather_cold"]);
    expect(fake.requests).toHaveLength(2);
    const gap = (fake.requests[1]?.at ?? 0) - (fake.requests[0]?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("waits what Retry-After asks as an HTTP-date", async () => {
    fake.requests.length = 0;
    // HTTP-dates have whole seconds: two seconds ahead is a wait of one to two seconds.
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 2000).toUTCString();
    fake.script({ kind: "status", status: 429, headers: { "retry-after": at } }, valid());
    await callProvider(provider(3000), query, 3000);
    const gap = (fake.requests[1]?.at ?? 0) - (fake.requests[0]?.at ?? 0);
    expect(gap).toBeGreaterThanOrEqual(900);
    expect(gap).toBeLessThan(2500);
  });

  it("fails at once with http_4xx when Retry-After is past the whole llm_call budget", async () => {
    fake.requests.length = 0;
    fake.script({ kind: "status", status: 429, headers: { "retry-after": "30" } });
    const started = Date.now();
    const error = (await callProvider(provider(2000), query, 2000).catch((e: unknown) => e)) as LlmCallError;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.reason).toBe("http_4xx");
    expect(error.message).toMatch(/HTTP 429.*Retry-After 30 s is past the \d+ ms left of the llm_call budget/);
    expect(fake.requests).toHaveLength(1);
  });

  it("never waits past the budget across attempts (all attempts included)", async () => {
    fake.requests.length = 0;
    fake.script({ kind: "status", status: 429, headers: { "retry-after": "1" } });
    const started = Date.now();
    const error = (await callProvider(provider(1500), query, 1500).catch((e: unknown) => e)) as LlmCallError;
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1500);
    expect(error.reason).toBe("http_4xx");
    expect(fake.requests).toHaveLength(2); // waited once (1 s), the second wait would pass the 1.5 s budget
  });

  it("retries a 429 without Retry-After with the usual backoff", async () => {
    fake.requests.length = 0;
    fake.script({ kind: "status", status: 429 }, valid());
    await expect(callProvider(provider(3000), query, 3000)).resolves.toMatchObject({ confidence: 0.8 });
    expect(fake.requests).toHaveLength(2);
  });
});

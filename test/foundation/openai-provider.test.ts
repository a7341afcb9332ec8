import { describe, expect, it } from "vitest";
import { LlmCallError } from "../../src/pipeline/llm-call.js";
import { FAILURES_TO_OPEN, OPEN_MS, readCircuit, withCircuitBreaker } from "../../src/pipeline/providers/circuit-breaker.js";
import { createOpenAiProvider } from "../../src/pipeline/providers/openai.js";
import { parseLabelReply } from "../../src/pipeline/providers/openai-response.js";
import type { LlmProvider, ParsedQuery } from "../../src/pipeline/types.js";
import { openTestStore } from "../support/test-store.js";

const query: ParsedQuery = { text: "sad and cold", truncated: false, diets: [], allergens: [], negatedLabels: [] };
const reply = (content: string, status = 200) =>
  (async () =>
    new Response(JSON.stringify({ choices: [{ message: { content } }], usage: { prompt_tokens: 50, completion_tokens: 9 } }), {
      status,
    })) as unknown as typeof fetch;

describe("openai provider", () => {
  it("parses the contract JSON, also inside a code fence", async () => {
    const provider = createOpenAiProvider({
      baseUrl: "http://x/v1",
      apiKey: "sk-secret",
      model: "m",
      timeoutMs: 1000,
      labels: ["emotion_sad"],
      fetch: reply('```json\n{"labels":["emotion_sad"],"confidence":0.8}\n```'),
    });
    await expect(provider.parse(query)).resolves.toMatchObject({
      labels: ["emotion_sad"],
      confidence: 0.8,
      inputTokens: 50,
      outputTokens: 9,
    });
  });

  it.each([
    ["not json", "invalid_output"],
    ['{"labels":"sad","confidence":1}', "invalid_output"],
  ])("rejects %j as %s", async (content, reason) => {
    expect(() => parseLabelReply(content)).toThrow(LlmCallError);
    try {
      parseLabelReply(content);
    } catch (error) {
      expect((error as LlmCallError).reason).toBe(reason);
    }
  });

  it("maps HTTP errors to reasons without leaking the key", async () => {
    const provider = createOpenAiProvider({
      baseUrl: "http://x/v1",
      apiKey: "sk-secret",
      model: "m",
      timeoutMs: 1000,
      labels: [],
      fetch: reply("", 401),
    });
    const error = (await provider.parse(query).catch((e: unknown) => e)) as LlmCallError;
    expect(error.reason).toBe("http_4xx");
    expect(error.message).not.toContain("sk-secret");
  });
});

describe("circuit breaker (state in the store)", () => {
  it("opens after 5 failures, rejects for 60 s, then lets one probe through", async () => {
    const store = await openTestStore();
    let t = 1_000_000;
    let calls = 0;
    let fail = true;
    const flaky: LlmProvider = {
      name: "openai",
      model: "m",
      parse: async () => {
        calls++;
        if (fail) throw new LlmCallError("http_5xx", "down");
        return { labels: [], confidence: 1, model: "m", inputTokens: 0, outputTokens: 0 };
      },
    };
    const guarded = withCircuitBreaker(flaky, store, () => t);
    for (let i = 0; i < FAILURES_TO_OPEN; i++) await expect(guarded.parse(query)).rejects.toThrow("down");
    await expect(guarded.parse(query)).rejects.toMatchObject({ reason: "circuit_open" });
    expect(calls).toBe(FAILURES_TO_OPEN);
    // A second process sees the same open circuit.
    expect((await readCircuit(store, "m")).openedAt).toBe(t);
    t += OPEN_MS;
    fail = false;
    await expect(guarded.parse(query)).resolves.toMatchObject({ confidence: 1 });
    expect(await readCircuit(store, "m")).toEqual({ failures: 0, openedAt: null, probeAt: null });
  });
});

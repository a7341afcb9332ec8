import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { circuitKey, FAILURES_TO_OPEN, readCircuit } from "../../src/pipeline/providers/circuit-breaker.js";
import { moodfoodAsync, tempDataDir } from "../e2e/cli.js";
import { openTestStore } from "../support/test-store.js";
import { type FakeOpenAi, startFakeOpenAi, valid } from "./fake-openai.js";

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());

const env = (extra: Record<string, string> = {}) => ({
  MOODFOOD_LLM_PROVIDER: "openai",
  MOODFOOD_LLM_BASE_URL: fake.baseUrl,
  MOODFOOD_LLM_MODEL: "fake-model",
  MOODFOOD_LLM_API_KEY: "sk-check-0123456789abcd",
  ...extra,
});
const check = async (dataDir: string, extra: Record<string, string> = {}, json = true) => {
  const result = await moodfoodAsync(["--data-dir", dataDir, "llm", "check", ...(json ? ["--json"] : [])], env(extra));
  return { ...result, body: json && result.stdout ? JSON.parse(result.stdout) : undefined };
};

describe("moodfood llm check", () => {
  it("says at once that the local provider is local", async () => {
    const started = Date.now();
    const { status, body } = await check(tempDataDir(), { MOODFOOD_LLM_PROVIDER: "local" });
    expect(status).toBe(0);
    expect(body).toMatchObject({ ok: true, local: true, provider: "local", endpoint: null, validated: true, circuit: null });
    expect(body.message).toMatch(/local provider .* no endpoint to call/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("reports latency, model, validated output and the circuit for a valid reply (exit 0)", async () => {
    fake.script(valid(["emotion_tired", "weather_cold"], 0.8));
    fake.requests.length = 0;
    const { status, body } = await check(tempDataDir());
    expect(status).toBe(0);
    expect(body).toMatchObject({
      ok: true,
      provider: "openai",
      model: "fake-model",
      endpoint: fake.baseUrl,
      api_key: "set",
      validated: true,
      labels: ["emotion_tired", "weather_cold"],
      confidence: 0.8,
      reason: "ok",
      circuit: { state: "closed", failures: 0, opened_at: null },
    });
    expect(body.latency_ms).toBeGreaterThanOrEqual(0);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.body.model).toBe("fake-model");
  });

  it.each([
    ["not JSON", { kind: "reply", content: "I think you are sad" }, /invalid output from fake-model: LLM reply is not JSON/],
    ["labels outside the taxonomy", valid(["emotion_sad", "mood_gloomy"]), /labels outside the taxonomy: mood_gloomy/],
  ] as const)("fails (exit 1) on invalid output: %s", async (_name, answer, message) => {
    fake.script(answer);
    const { status, body } = await check(tempDataDir());
    expect(status).toBe(1);
    expect(body).toMatchObject({ ok: false, validated: false, reason: "invalid_output" });
    expect(body.message).toMatch(message);
  });

  it("fails with the HTTP status, making one call only (500)", async () => {
    fake.script({ kind: "status", status: 500 });
    fake.requests.length = 0;
    const { status, body } = await check(tempDataDir());
    expect(status).toBe(1);
    expect(body).toMatchObject({ ok: false, reason: "http_5xx", http_status: 500 });
    expect(body.message).toMatch(/^HTTP 500 from http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(fake.requests).toHaveLength(1);
  });

  it("fails on 429 saying what Retry-After asked, without waiting for it", async () => {
    fake.script({ kind: "status", status: 429, headers: { "retry-after": "120" } });
    const started = Date.now();
    const { status, body } = await check(tempDataDir());
    expect(status).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(body).toMatchObject({ ok: false, reason: "http_4xx", http_status: 429, retry_after_ms: 120_000 });
    expect(body.message).toMatch(/HTTP 429 .*rate limited; Retry-After 120 s/);
  });

  it("fails with timeout when the endpoint hangs, within MOODFOOD_LLM_TIMEOUT_MS", async () => {
    fake.script({ kind: "hang" });
    const started = Date.now();
    const { status, body } = await check(tempDataDir(), { MOODFOOD_LLM_TIMEOUT_MS: "600" });
    expect(status).toBe(1);
    expect(body).toMatchObject({ ok: false, reason: "timeout", validated: false });
    expect(body.message).toMatch(/timeout: .* did not answer within 600 ms/);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("prints one clear verdict line for humans", async () => {
    fake.script({ kind: "status", status: 401 });
    const { status, stdout } = await check(tempDataDir(), {}, false);
    expect(status).toBe(1);
    expect(stdout.split("\n")[0]).toMatch(
      /^LLM check failed: HTTP 401 from http:\/\/127\.0\.0\.1:\d+\/v1 after \d+ ms: check MOODFOOD_LLM_API_KEY$/,
    );
  });

  it("exits 2 on a usage error", async () => {
    const { status, stderr } = await moodfoodAsync(["llm", "check", "--bogus"], env());
    expect(status).toBe(2);
    expect(stderr).toMatch(/bogus/);
  });

  it("never opens or closes the shared circuit", async () => {
    const dir = tempDataDir();
    // Five failing checks leave a closed circuit closed.
    fake.script({ kind: "status", status: 500 });
    for (let i = 0; i < FAILURES_TO_OPEN; i++) expect((await check(dir)).status).toBe(1);
    let store = await openTestStore(dir);
    expect(await readCircuit(store, "fake-model")).toEqual({ failures: 0, openedAt: null, probeAt: null });
    // An open circuit stays open after a successful check, and the check reports it.
    const openedAt = Date.now() - 1000;
    await store.meta.set(circuitKey("fake-model"), { failures: 5, openedAt, probeAt: null }, openedAt);
    await store.close();
    fake.script(valid());
    const { status, body } = await check(dir);
    expect(status).toBe(0);
    expect(body.circuit).toEqual({ state: "open", failures: 5, opened_at: new Date(openedAt).toISOString() });
    store = await openTestStore(dir);
    expect(await readCircuit(store, "fake-model")).toEqual({ failures: 5, openedAt, probeAt: null });
    await store.close();
  });
});

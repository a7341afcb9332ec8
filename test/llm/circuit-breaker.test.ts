import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LlmCallError } from "../../src/pipeline/llm-call.js";
import { FAILURES_TO_OPEN, OPEN_MS, readCircuit, withCircuitBreaker } from "../../src/pipeline/providers/circuit-breaker.js";
import type { LlmProvider, ParsedQuery } from "../../src/pipeline/types.js";
import type { Store } from "../../src/store/store.js";
import { openTestStore } from "../support/test-store.js";

const query: ParsedQuery = { text: "sad", truncated: false, diets: [], allergens: [], negatedLabels: [] };

/** A provider whose next answers the test decides (shared by the "processes"), counting calls. */
function scripted() {
  const state: { fail: boolean; calls: number; hold?: Promise<void> } = { fail: false, calls: 0 };
  const provider: LlmProvider = {
    name: "openai",
    model: "m",
    parse: async () => {
      state.calls++;
      await state.hold; // a call in flight, for as long as the test needs
      if (state.fail) throw new LlmCallError("http_5xx", "down");
      return { labels: ["emotion_sad"], confidence: 0.9, model: "m", inputTokens: 1, outputTokens: 1 };
    },
  };
  return { state, provider };
}

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
const open = async (dir: string) => {
  const store = await openTestStore(dir);
  opened.push(store);
  return store;
};

describe("circuit breaker shared through the store", () => {
  it("is one breaker for two stores (processes) on one data dir", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-breaker-"));
    let t = 5_000_000;
    const { state, provider } = scripted();
    const a = withCircuitBreaker(provider, await open(dir), () => t);
    const b = withCircuitBreaker(provider, await open(dir), () => t);
    state.fail = true;
    // Failures from both processes count together: the circuit opens on the fifth.
    for (let i = 0; i < FAILURES_TO_OPEN; i++) await expect((i % 2 ? a : b).parse(query)).rejects.toThrow("down");
    await expect(a.parse(query)).rejects.toMatchObject({ reason: "circuit_open" });
    await expect(b.parse(query)).rejects.toMatchObject({ reason: "circuit_open" });
    expect(state.calls).toBe(FAILURES_TO_OPEN);

    // After 60 s exactly one probe goes out, whichever process asks first: while it is in flight the
    // other process is refused (its answer is awaited before the probe may finish).
    t += OPEN_MS;
    state.fail = false;
    let release = () => {};
    state.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const calls = [a.parse(query), b.parse(query)] as const;
    await Promise.race(calls.map((call) => call.catch(() => {})));
    release();
    state.hold = undefined;
    const [first, second] = await Promise.allSettled(calls);
    expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);
    expect(state.calls).toBe(FAILURES_TO_OPEN + 1);
    // The probe's success closed it for the other process too.
    await expect(b.parse(query)).resolves.toMatchObject({ confidence: 0.9 });
    expect(await readCircuit(await open(dir), "m")).toEqual({ failures: 0, openedAt: null, probeAt: null });
  });

  it("a success after failures resets the count for every process", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-breaker-"));
    const { state, provider } = scripted();
    const a = withCircuitBreaker(provider, await open(dir));
    const b = withCircuitBreaker(provider, await open(dir));
    state.fail = true;
    for (let i = 0; i < FAILURES_TO_OPEN - 1; i++) await a.parse(query).catch(() => {});
    expect((await readCircuit(await open(dir), "m")).failures).toBe(FAILURES_TO_OPEN - 1);
    state.fail = false;
    await b.parse(query);
    state.fail = true;
    await a.parse(query).catch(() => {});
    // Not five in a row: still closed.
    expect(await readCircuit(await open(dir), "m")).toMatchObject({ failures: 1, openedAt: null });
  });
});

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LlmCallError } from "../../src/pipeline/llm-call.js";
import { readCircuit, withCircuitBreaker } from "../../src/pipeline/providers/circuit-breaker.js";
import type { LlmProvider, ParsedQuery } from "../../src/pipeline/types.js";
import { openStore, type Store } from "../../src/store/store.js";

const query: ParsedQuery = { text: "sad", truncated: false, diets: [], allergens: [], negatedLabels: [] };
const REPO = new URL("../..", import.meta.url).pathname;

/** A provider whose next answers the test decides (shared by the "processes"), counting calls. */
function scripted() {
  const state = { fail: false, calls: 0 };
  const provider: LlmProvider = {
    name: "openai",
    model: "m",
    parse: async () => {
      state.calls++;
      if (state.fail) throw new LlmCallError("http_5xx", "down");
      return { labels: ["emotion_sad"], confidence: 0.9, model: "m", inputTokens: 1, outputTokens: 1 };
    },
  };
  return { state, provider };
}

/** Another process holding the store's write lock (BEGIN IMMEDIATE) until killed. */
async function holdWriteLock(dataDir: string): Promise<ChildProcess> {
  const code = `const db = new (require("better-sqlite3"))(${JSON.stringify(join(dataDir, "moodfood.db"))});
    db.exec("BEGIN IMMEDIATE"); console.log("locked"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", code], { cwd: REPO, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
  return child;
}

const opened: Store[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  for (const store of opened.splice(0)) await store.close();
});
const open = async (dir: string, busyTimeoutMs?: number) => {
  const store = await openStore(dir, busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
  opened.push(store);
  return store;
};

describe("circuit breaker shared through the store, while another process holds SQLite's write lock", () => {
  it("takes no write lock while closed: calls go through while another process holds it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-breaker-"));
    const store = await open(dir, 0); // a write would fail at once here, as on the server's store
    const { provider } = scripted();
    const guarded = withCircuitBreaker(provider, store);
    await guarded.parse(query);
    children.push(await holdWriteLock(dir));
    const started = Date.now();
    for (let i = 0; i < 20; i++) await expect(guarded.parse(query)).resolves.toMatchObject({ confidence: 0.9 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a failure while another process holds the lock still reports the LLM's own error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-breaker-"));
    const store = await open(dir, 0);
    const { state, provider } = scripted();
    const guarded = withCircuitBreaker(provider, store);
    children.push(await holdWriteLock(dir));
    state.fail = true;
    // writeWhenFree waits (asynchronously) for the lock; release it so the failure is counted.
    const call = guarded.parse(query);
    setTimeout(() => children.pop()?.kill(), 300);
    await expect(call).rejects.toMatchObject({ reason: "http_5xx" });
    expect((await readCircuit(store, "m")).failures).toBe(1);
  });
});

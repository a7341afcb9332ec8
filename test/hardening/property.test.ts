import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { isUserError } from "../../src/errors.js";
import { recordExplicitFeedback } from "../../src/feedback/record-feedback.js";
import { runImport } from "../../src/interop/import-jsonl.js";
import { openRuntime, type Runtime } from "../../src/runtime/runtime.js";
import { runMetricsServe, type ServeInfo } from "../../src/server/run-serve.js";
import { backendEnv, openTestStore } from "../support/test-store.js";

// Issue 16: generated query texts, feedback fields, HTTP bodies and import lines find no crash and no
// unreadable store. A failure prints fast-check's shrunk counterexample and its seed.
const RUNS = 150;
const tempDir = () => mkdtempSync(join(tmpdir(), "mf-prop-"));

/** The store still answers every read a user makes. */
async function expectReadable(dataDir: string): Promise<void> {
  const store = await openTestStore(dataDir, { readonly: true });
  try {
    for (const trace of await store.traces.list({ limit: 100_000 }))
      expect((await store.traces.get(trace.trace_id))?.trace_id).toBe(trace.trace_id);
    expect(Array.isArray(await store.rollups.counterTotals())).toBe(true);
  } finally {
    await store.close();
  }
}

const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\u001b", "[", "\u0007", "\u202e", "\ud800", "é", " ", "\n", "sad", "not", "vegan") }),
);

describe("property: nothing a user can type breaks the pipeline or the store", () => {
  let dir: string;
  let runtime: Runtime;
  beforeAll(async () => {
    dir = tempDir();
    runtime = await openRuntime(loadConfig({ env: backendEnv(["--data-dir", dir]), cwd: dir, flags: { dataDir: dir } }), {
      traces: "store",
      env: {},
    });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("any query text is answered or refused with a UserError; every answer's trace is stored", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        try {
          const answer = await runtime.query({ text });
          expect((await runtime.store.traces.get(answer.trace_id))?.status).toBe("ok");
        } catch (error) {
          expect(isUserError(error), String(error)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    await expectReadable(dir);
  });

  it("any explicit feedback fields are stored or refused with a UserError", async () => {
    const { trace_id } = await runtime.query({ text: "I'm sad" });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          rating: fc.oneof(fc.integer({ min: -3, max: 9 }), fc.double(), fc.string({ maxLength: 5 })),
          thumbs: fc.option(fc.oneof(fc.constantFrom("up", "down"), fc.string({ maxLength: 5 }))),
          comment: fc.option(anyText),
          labels: fc.option(
            fc.array(fc.oneof(fc.constantFrom("emotion_sad", "weather_cold"), fc.string({ maxLength: 12 })), { maxLength: 4 }),
          ),
        }),
        async (fields) => {
          try {
            await recordExplicitFeedback(
              runtime.store,
              { traceId: trace_id, ...fields } as Parameters<typeof recordExplicitFeedback>[1],
              Date.now(),
            );
          } catch (error) {
            expect(isUserError(error), String(error)).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
    await expectReadable(dir);
  });
});

describe("property: no HTTP body makes the server answer 500 or stop", () => {
  const controller = new AbortController();
  let url = "";
  let done: Promise<unknown>;
  beforeAll(async () => {
    const dir = tempDir();
    let ready: (info: ServeInfo) => void = () => {};
    const listening = new Promise<ServeInfo>((resolve) => (ready = resolve));
    done = runMetricsServe(
      { host: "127.0.0.1", port: 0, insecure: false },
      {
        config: loadConfig({ env: backendEnv(["--data-dir", dir]), cwd: dir, flags: { dataDir: dir } }),
        signal: controller.signal,
        onListening: ready,
        log: () => {},
      },
    );
    url = (await listening).url;
  });
  afterAll(async () => {
    controller.abort("SIGTERM");
    await done;
  });

  it("POST /query and /feedback/explicit with generated bodies: a 2xx or 4xx, never a 5xx", async () => {
    const body = fc.oneof(
      fc.json(),
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.record({ query: anyText, top: fc.anything(), diet: fc.anything(), user_id: fc.anything() }).map((o) => JSON.stringify(o)),
      fc.record({ trace_id: fc.string(), rating: fc.anything(), labels: fc.anything() }).map((o) => JSON.stringify(o)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/query", "/feedback/explicit", "/feedback/implicit"), body, async (path, text) => {
        const res = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: text });
        await res.arrayBuffer();
        expect(res.status, `${path} ${text.slice(0, 80)}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
    expect((await fetch(`${url}/livez`)).status).toBe(200);
  });
});

describe("property: no import line makes the store unreadable", () => {
  it("generated trace and feedback lines are imported or reported by line; every read still works", async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const line = fc.oneof(
      fc.json(),
      fc
        .record(
          {
            trace_id: fc.oneof(
              fc.string({ maxLength: 40 }),
              fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 32, maxLength: 32 }),
            ),
            start_time: fc.oneof(
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
              fc.string({ maxLength: 30 }),
            ),
            total_duration_ms: fc.oneof(fc.double(), fc.integer()),
            status: fc.constantFrom("success", "error", "active", "x"),
            events: fc.anything(),
            moodfood: fc.record(
              { started_at: fc.double(), confidence: fc.double(), query: anyText, labels: fc.anything() },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        )
        .map((o) => JSON.stringify(o)),
    );
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(line, { minLength: 1, maxLength: 20 }),
          fc.constantFrom("traces", "user_feedback"),
          async (lines, kind) => {
            const file = join(dir, `${kind}.jsonl`);
            writeFileSync(file, `${lines.join("\n")}\n`);
            const result = await runImport(store, { paths: [file], keepQueryText: true });
            expect(
              result.skipped + Object.values(result.imported).reduce((a, b) => a + b, 0) + result.duplicates + result.derived,
            ).toBeGreaterThan(0);
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      await store.close();
    }
    await expectReadable(dir);
  });
});

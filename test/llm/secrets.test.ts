import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LlmCallError } from "../../src/pipeline/llm-call.js";
import { createOpenAiProvider } from "../../src/pipeline/providers/openai.js";
import { moodfoodAsync, tempDataDir } from "../e2e/cli.js";
import { schemaTables } from "../support/store-contents.js";
import { onPostgres } from "../support/test-store.js";
import { type FakeOpenAi, startFakeOpenAi, valid } from "./fake-openai.js";

const KEY = "sk-live-7hUe2wQz9XcV4bNm1LkJ8pOi";

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(() => fake.close());

/** Every file under a directory, as text (the store, its WAL, the trace log, an export). */
function filesUnder(dir: string): { name: string; text: string }[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { name: path, text: readFileSync(path, "latin1") };
    });
}

/** On PostgreSQL, every table of the data dir's schema as text (on SQLite the store is a file under the data dir). */
async function tablesOf(dir: string): Promise<{ name: string; text: string }[]> {
  if (!onPostgres()) return [];
  const tables = await schemaTables(dir);
  expect(tables.map((t) => t.name)).toContain("traces");
  const dumps = tables.map((t) => ({ name: `table ${t.name}`, text: t.rows.join("\n") }));
  expect(dumps.find((d) => d.name === "table traces")?.text).not.toBe(""); // the dump does read the rows
  return dumps;
}

describe("the LLM API key never appears in traces, logs or errors", () => {
  it("is sent to the endpoint and found nowhere else, whatever the endpoint answers", async () => {
    const dir = tempDataDir();
    const env = {
      MOODFOOD_LLM_PROVIDER: "openai",
      MOODFOOD_LLM_BASE_URL: fake.baseUrl,
      MOODFOOD_LLM_MODEL: "fake-model",
      MOODFOOD_LLM_API_KEY: KEY,
      MOODFOOD_LLM_TIMEOUT_MS: "500",
      TRACE_LOG_FILE: join(dir, "traces.jsonl"),
      DEBUG: "moodfood", // stacks, where there are any, would print too
    };
    const run = (...args: string[]) => moodfoodAsync(["--data-dir", dir, ...args], env);
    const outputs: string[] = [];
    const echoes = {
      kind: "status",
      status: 401,
      body: JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } }),
    } as const;
    const answers = [
      echoes,
      { kind: "status", status: 500, body: `upstream saw ${KEY}` },
      { kind: "reply", content: `not json, but here is your key ${KEY}` },
      { kind: "status", status: 429, headers: { "retry-after": "60" } },
      { kind: "hang" },
      valid(),
    ] as const;
    for (const answer of answers) {
      fake.script(answer);
      const query = await run("query", "tired and cold", "--json");
      expect(query.status).toBe(0); // the classifier answers when the LLM fails
      outputs.push(query.stdout, query.stderr);
      fake.script(answer);
      const check = await run("llm", "check", "--json");
      outputs.push(check.stdout, check.stderr);
    }
    expect(fake.requests.length).toBeGreaterThanOrEqual(answers.length * 2);
    expect(fake.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);

    for (const args of [
      ["trace", "list", "--json"],
      ["metrics", "show"],
      ["config", "show", "--json"],
      ["config", "show"],
      ["health", "--deep", "--json"],
      ["export", "jsonl", "--out", join(dir, "export")],
    ]) {
      const result = await run(...args);
      outputs.push(result.stdout, result.stderr);
    }
    const ids = (JSON.parse(outputs[outputs.length - 12] as string) as { traces: { trace_id: string }[] }).traces.map((t) => t.trace_id);
    expect(ids.length).toBe(answers.length);
    for (const id of ids) outputs.push((await run("trace", id, "--json")).stdout);

    const leaks = [...outputs.map((text, i) => ({ name: `output ${i}`, text })), ...filesUnder(dir), ...(await tablesOf(dir))].filter(
      ({ text }) => text.includes(KEY.slice(8)),
    );
    expect(leaks.map((leak) => leak.name)).toEqual([]);
  });

  it("a key a header cannot carry fails without quoting it", async () => {
    const provider = createOpenAiProvider({
      baseUrl: fake.baseUrl,
      apiKey: `${KEY}\nX-Injected: 1`,
      model: "m",
      timeoutMs: 500,
      labels: [],
    });
    const error = (await provider
      .parse({ text: "hi", truncated: false, diets: [], allergens: [], negatedLabels: [] })
      .catch((e: unknown) => e)) as LlmCallError;
    expect(error.message).toMatch(/MOODFOOD_LLM_API_KEY holds a character an HTTP header cannot carry/);
    expect(error.message).not.toContain(KEY.slice(8));
  });
});

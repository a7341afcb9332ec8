import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { storeSink } from "../../src/runtime/store-sink.js";
import { findTrace } from "../../src/tracing/find-trace.js";
import { endTrace, startTrace, traceWritten } from "../../src/tracing/tracer.js";
import { inspectableStore } from "../support/inspectable-store.js";
import { moodfood, tempDataDir } from "./cli.js";

describe("trace inspection", () => {
  it("appends each ended trace to TRACE_LOG_FILE as one JSON line", () => {
    const dir = tempDataDir();
    const log = join(dir, "traces.log");
    for (const q of ["sad", "happy"]) expect(moodfood(["--data-dir", dir, "query", q], { env: { TRACE_LOG_FILE: log } }).status).toBe(0);
    const lines = readFileSync(log, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(["sad", "happy"]);
    expect(lines[0].spans).toHaveLength(6);
    expect(lines[0].trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("shows a trace by unique prefix, with its waterfall", () => {
    const dir = tempDataDir();
    const answer = JSON.parse(moodfood(["--data-dir", dir, "query", "--json", "tired and cold"]).stdout);
    const run = moodfood(["--data-dir", dir, "trace", answer.trace_id.slice(0, 6)]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(answer.trace_id);
    for (const stage of ["parse", "llm_call", "validate", "ml_classify", "decide", "recommend"])
      expect(run.stdout).toMatch(new RegExp(`^${stage} .*█`, "m"));
  });

  it("lists the candidates of an ambiguous prefix and names an unknown id", async () => {
    const { store, run } = await inspectableStore();
    for (const suffix of ["1", "2"]) {
      const t = startTrace({ query: "x", sink: storeSink(store) });
      endTrace(t);
      await traceWritten(t);
      // Give both traces the same 6-character prefix.
      run("UPDATE traces SET trace_id = ? WHERE trace_id = ?", `abc123${t.record.trace_id.slice(6, 31)}${suffix}`, t.record.trace_id);
    }
    await expect(findTrace(store, "abc123")).rejects.toThrow(/ambiguous; candidates:/);
    await expect(findTrace(store, "abcdef0123")).rejects.toThrow(/No trace with id abcdef0123/);
    await expect(findTrace(store, "abc")).rejects.toThrow(/at least 6 characters/);
  });
});

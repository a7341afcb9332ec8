import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseTimestamp } from "../../src/config/timestamps.js";
import { kindFromName } from "../../src/interop/detect-kind.js";
import { readJsonlLines } from "../../src/interop/jsonl-reader.js";
import { toOriginalTraceId, toStoreTraceId } from "../../src/interop/trace-ids.js";
import { tempDir } from "./populate.js";

async function readAll(path: string) {
  const lines = [];
  for await (const batch of readJsonlLines(path)) lines.push(...batch);
  return lines;
}

describe("readJsonlLines", () => {
  it("numbers lines across 1 MiB chunks, including a 3 MB line, CRLF and a last line without newline", async () => {
    const path = join(tempDir(), "big.jsonl");
    const long = JSON.stringify({ q: "x".repeat(3_000_000) });
    writeFileSync(path, `{"a":1}\r\n\n${long}\n{"b":2}`);
    const lines = await readAll(path);
    expect(lines.map((l) => l.number)).toEqual([1, 3, 4]);
    expect(lines[0]?.text).toBe('{"a":1}');
    expect(lines[1]?.text?.length).toBe(long.length);
    expect(lines[2]?.text).toBe('{"b":2}');
  });

  it("reports a line that is not UTF-8 and still reads the next", async () => {
    const path = join(tempDir(), "bad.jsonl");
    writeFileSync(path, Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n{"ok":"é"}\n')]));
    expect(await readAll(path)).toEqual([
      { number: 1, error: "is not valid UTF-8" },
      { number: 2, text: '{"ok":"é"}' },
    ]);
  });
});

describe("timestamps", () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it("reads a naive time as UTC even when the machine's zone is not UTC", () => {
    process.env.TZ = "America/New_York";
    const naive = "2025-03-01T10:00:00.123456";
    expect(Date.parse(naive)).not.toBe(Date.UTC(2025, 2, 1, 10, 0, 0, 123)); // what a plain Date.parse would get wrong
    expect(parseTimestamp(naive)).toBeCloseTo(Date.UTC(2025, 2, 1, 10, 0, 0, 123) + 0.456, 6);
  });

  it.each([
    ["2025-03-01T10:00:00", Date.UTC(2025, 2, 1, 10)],
    ["2025-03-01 10:00:00Z", Date.UTC(2025, 2, 1, 10)],
    ["2025-03-01T10:00:00.5+02:00", Date.UTC(2025, 2, 1, 8, 0, 0, 500)],
    ["2025-03-01T10:00:00-0530", Date.UTC(2025, 2, 1, 15, 30)],
    ["2025-03-01", Date.UTC(2025, 2, 1)],
    ["2024-02-29T00:00:00", Date.UTC(2024, 1, 29)],
    ["2025-02-29T00:00:00", undefined],
    ["2025-03-01T24:00:00", undefined],
    ["yesterday", undefined],
    ["", undefined],
  ])("%s", (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });
});

describe("ids and file names", () => {
  it.each([
    ["trace_0123456789abcdef", "00000000000000000123456789abcdef"],
    ["4BF92F3577B34DA6A3CE929D0E0E4736", "4bf92f3577b34da6a3ce929d0e0e4736"],
    ["550e8400-e29b-41d4-a716-446655440000", "550e8400e29b41d4a716446655440000"],
  ])("%s is stored as %s", (original, stored) => {
    expect(toStoreTraceId(original)).toBe(stored);
  });

  it("maps the original's ids back and hashes anything else stably", () => {
    expect(toOriginalTraceId(toStoreTraceId("trace_0123456789abcdef"))).toBe("trace_0123456789abcdef");
    expect(toStoreTraceId("req-17")).toMatch(/^[0-9a-f]{32}$/);
    expect(toStoreTraceId("req-17")).toBe(toStoreTraceId("req-17"));
    expect(toStoreTraceId("req-17")).not.toBe(toStoreTraceId("req-18"));
  });

  it.each([
    ["logs/traces.jsonl", "traces"],
    ["traces.jsonl.1", "traces"],
    ["2025-03-user_feedback.jsonl", "user_feedback"],
    ["feedback_metrics.jsonl", "feedback_metrics"],
    ["drift_alerts.jsonl", "drift_alerts"],
    ["query_logs.jsonl", undefined],
  ])("%s is %s", (path, kind) => {
    expect(kindFromName(path)).toBe(kind);
  });
});

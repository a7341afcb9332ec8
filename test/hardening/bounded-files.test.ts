import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";

// Issue 16: anything read from a file is bounded, and a failing side exporter costs one warning, never the query.
const hasDevices = existsSync("/dev/zero") && existsSync("/dev/full");
if (!hasDevices) console.warn("SKIPPED: /dev/zero and /dev/full are needed for the bounded-input tests.");

describe.skipIf(!hasDevices)("hostile files (built CLI)", () => {
  it("answers and stores the trace when TRACE_LOG_FILE cannot be written, with one warning line", () => {
    const dir = tempDataDir();
    const run = moodfood(["--data-dir", dir, "query", "--json", "I'm sad"], { env: { TRACE_LOG_FILE: "/dev/full" } });
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/TRACE_LOG_FILE \/dev\/full \(ENOSPC\).*still in the store/)]);
    const { trace_id } = JSON.parse(run.stdout) as { trace_id: string };
    expect(moodfood(["--data-dir", dir, "trace", trace_id]).status).toBe(0);
  });

  it.each([
    ["eval", ["eval", "/dev/zero"], /larger than 32 MiB/],
    ["drift compare", ["drift", "compare", "/dev/zero", "/dev/zero"], /larger than 256 MiB/],
    ["import", ["import", "--as", "traces", "/dev/zero"], /longer than 64 MiB; the rest of the file was not read/],
  ])("%s of /dev/zero stops with one clear line, exit 1", (_name, args, message) => {
    const start = Date.now();
    const run = moodfood(["--data-dir", tempDataDir(), ...args]);
    expect(run.status).toBe(1);
    expect(`${run.stdout}${run.stderr}`).toMatch(message);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/); // no stack
    expect(Date.now() - start).toBeLessThan(15_000);
  });
});

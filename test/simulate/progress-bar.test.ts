import { describe, expect, it } from "vitest";
import { progressLine, terminalProgress } from "../../src/cli/render/progress-bar.js";

describe("progress bar", () => {
  it("shows the share done with thousands separators", () => {
    expect(progressLine(3_150, 7_000, "queries")).toBe(`[${"#".repeat(14)}${".".repeat(16)}]  45% 3,150/7,000 queries`);
    expect(progressLine(7_000, 7_000, "queries")).toMatch(/^\[#{30}\] 100% /);
  });

  it("redraws in place at most every 100 ms, always draws the end, and clears itself", () => {
    let now = 0;
    const writes: string[] = [];
    const bar = terminalProgress(
      (t) => writes.push(t),
      "queries",
      () => now,
    );
    bar.update(1, 100);
    bar.update(2, 100); // same instant: skipped
    now = 150;
    bar.update(3, 100);
    bar.update(100, 100); // the end is always drawn
    bar.finish();
    expect(writes.map((w) => w.match(/ (\d+)\/100/)?.[1] ?? "clear")).toEqual(["1", "3", "100", "clear"]);
    expect(writes.every((w) => w.startsWith("\r"))).toBe(true);
  });
});

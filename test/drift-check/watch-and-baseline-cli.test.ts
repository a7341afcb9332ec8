import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../support/cli-in-process.js";
import { openTestStore } from "../support/test-store.js";
import { seedTraces } from "./seed-traces.js";

const DAY = 86_400_000;

describe("drift watch interval", () => {
  it.each([["0"], ["0.5"], ["-3"], ["soon"]])("--interval %s is a usage error (exit 2), not a spinning loop", async (interval) => {
    const run = await cli(["--data-dir", tempDir(), "drift", "watch", "--interval", interval]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/expected minutes >= 1/);
  });

  it("DRIFT_CHECK_INTERVAL under a minute is refused the same way", async () => {
    const run = await cli(["--data-dir", tempDir(), "drift", "watch"], { DRIFT_CHECK_INTERVAL: "0.1" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/DRIFT_CHECK_INTERVAL.*at least 1/);
  });

  it("shows --window's default as 24h", async () => {
    for (const sub of ["check", "watch"]) {
      const help = await cli(["drift", sub, "--help"]);
      expect(help.stdout).toMatch(/--window <dur> +length of the current window \(default: 24h\)/);
      expect(help.stdout).not.toMatch(/86400000/);
    }
  });
});

describe("drift baseline set | show | clear", () => {
  it("refuses a window with fewer than 50 traces, then pins, shows and clears one", async () => {
    const dir = tempDir();
    const from = Date.UTC(2026, 9, 1);
    const range = `${new Date(from).toISOString()}..${new Date(from + DAY).toISOString()}`;
    const refused = await cli(["--data-dir", dir, "--json", "drift", "baseline", "set", range]);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stderr).error).toMatchObject({ code: "baseline_too_small" });
    expect(JSON.parse(refused.stderr).error.message).toMatch(/holds 0 traces .* at least 50/);

    const store = await openTestStore(dir);
    const { stdout } = await cli(["--data-dir", dir, "--json", "drift", "baseline", "show"]);
    const model = JSON.parse(stdout).model_version as string;
    await seedTraces(
      store,
      Array.from({ length: 60 }, (_, i) => ({ at: from + i * 60_000, confidence: 0.7, labels: ["emotion_sad"], modelVersion: model })),
    );
    await store.close();

    expect((await cli(["--data-dir", dir, "drift", "baseline", "set", range])).stdout).toMatch(
      /^Drift checks now compare against 2026-10-01T00:00:00Z \.\. 2026-10-02T00:00:00Z \(60 traces\)\.$/m,
    );
    const shown = JSON.parse((await cli(["--data-dir", dir, "--json", "drift", "baseline", "show"])).stdout);
    expect(shown.pinned).toMatchObject({ from: new Date(from).toISOString(), traces: 60 });
    expect((await cli(["--data-dir", dir, "drift", "baseline", "show"])).stdout).toMatch(/^Pinned baseline 2026-10-01T00:00:00Z/);

    expect(JSON.parse((await cli(["--data-dir", dir, "--json", "drift", "baseline", "clear"])).stdout)).toEqual({ cleared: true });
    expect((await cli(["--data-dir", dir, "drift", "baseline", "show"])).stdout).toMatch(/^No baseline pinned/);
    expect((await cli(["--data-dir", dir, "drift", "baseline", "clear"])).stdout).toMatch(/nothing to clear/);
  });
});

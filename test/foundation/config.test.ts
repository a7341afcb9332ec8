import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDuration } from "../../src/config/durations.js";
import { loadConfig } from "../../src/config/load-config.js";

describe("loadConfig", () => {
  const cwd = mkdtempSync(join(tmpdir(), "mf-config-"));

  it("uses documented defaults", () => {
    const config = loadConfig({ env: {}, cwd });
    expect(config.prometheusPort).toBe(9189);
    expect(config.driftThreshold).toBe(0.1);
    expect(config.traceCleanupHours).toBe(24);
    expect(config.dataDir).toBe(join(cwd, "logs"));
  });

  it("takes flags over env over the config file", () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-config-"));
    writeFileSync(join(dir, "moodfood.config.json"), JSON.stringify({ prometheusPort: 9300, driftThreshold: 0.3 }));
    const config = loadConfig({ env: { PROMETHEUS_PORT: "9400" }, cwd: dir, flags: { dataDir: "/tmp/x" } });
    expect(config.prometheusPort).toBe(9400);
    expect(config.driftThreshold).toBe(0.3);
    expect(config.dataDir).toBe("/tmp/x");
  });

  it.each([
    ["DRIFT_THRESHOLD", "abc"],
    ["PROMETHEUS_PORT", "70000"],
    ["DRIFT_CHECK_INTERVAL", "-5"],
    ["TRACE_CLEANUP_HOURS", ""],
    ["MOODFOOD_LLM_PROVIDER", "gpt"],
  ])("rejects %s=%s naming the variable", (name, value) => {
    expect(() => loadConfig({ env: { [name]: value }, cwd })).toThrow(new RegExp(name));
  });

  it("parses durations", () => {
    expect(parseDuration("90m")).toBe(90 * 60_000);
    expect(parseDuration("7d")).toBe(7 * 86_400_000);
    expect(() => parseDuration("soon")).toThrow(/not a duration/);
  });
});

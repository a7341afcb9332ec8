import { describe, expect, it } from "vitest";
import { judgeErrorRate } from "../../src/health/checks/error-rate-check.js";
import { judgeFreeSpace } from "../../src/health/checks/filesystem-checks.js";
import { COMPONENT_WEIGHTS, EXIT_CODES, healthScore, overallStatus } from "../../src/health/score.js";
import type { CheckResult, CheckStatus, Component } from "../../src/health/types.js";

const check = (component: Component, status: CheckStatus, measurement = "m"): CheckResult => ({
  component,
  measurement,
  status,
  observed_value: null,
  output: "",
});
const allPass = (Object.keys(COMPONENT_WEIGHTS) as Component[]).map((c) => check(c, "pass"));
const MB = 1e6;
const GB = 1e9;

describe("health score and status", () => {
  it("weights sum to 100; all passing is healthy, 100, exit 0", () => {
    expect(Object.values(COMPONENT_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(overallStatus(allPass)).toBe("healthy");
    expect(healthScore(allPass)).toBe(100);
    expect(EXIT_CODES.healthy).toBe(0);
  });

  it("a warning is degraded (exit 1) and scores 50-79, the band deploy/alerts.yml alerts on", () => {
    const checks = [...allPass, check("feedback", "warn", "negative_ratio")];
    expect(overallStatus(checks)).toBe("degraded");
    expect(healthScore(checks)).toBe(79); // 97.5 by weight, held below the degraded line
    const everyWarn = (Object.keys(COMPONENT_WEIGHTS) as Component[]).map((c) => check(c, "warn"));
    expect(healthScore(everyWarn)).toBe(50);
    expect(EXIT_CODES.degraded).toBe(1);
  });

  it("a failure is unhealthy (exit 2) and scores below 50; the weighted sum shows how much failed", () => {
    const storeDown = [...allPass, check("store", "fail", "reachable")];
    expect(overallStatus(storeDown)).toBe("unhealthy");
    expect(healthScore(storeDown)).toBe(49);
    const storeAndDisk = [...allPass, check("store", "fail"), check("filesystem", "fail"), check("model", "warn")];
    expect(healthScore(storeAndDisk)).toBe(47.5); // 100 - 30 - 15 - 7.5
    expect(EXIT_CODES.unhealthy).toBe(2);
  });

  it("a component is judged by its worst check", () => {
    const checks = [...allPass, check("store", "pass", "a"), check("store", "warn", "b"), check("store", "pass", "c")];
    expect(healthScore(checks)).toBe(79);
    expect(overallStatus(checks)).toBe("degraded");
  });
});

describe("thresholds", () => {
  it.each([
    [100 * GB, 200 * GB, "pass"],
    [600 * MB, 10 * GB, "pass"], // 6 %
    [400 * MB, 2 * GB, "warn"], // 20 % but under 500 MB
    [4 * GB, 100 * GB, "warn"], // 4 %
    [40 * MB, 1 * GB, "fail"], // under 50 MB
    [5 * GB, 1000 * GB, "fail"], // 0.5 %
    [0, 4 * MB, "fail"],
  ] as const)("free space %d of %d is %s", (free, total, expected) => {
    expect(judgeFreeSpace(free, total)).toBe(expected);
  });

  it.each([
    [0, 0, "pass"],
    [4, 10, "pass"], // too few queries to judge a rate, and under 5 failures
    [5, 10, "warn"],
    [1, 100, "pass"],
    [5, 100, "warn"],
    [25, 100, "fail"],
  ] as const)("%d errors of %d queries is %s", (errors, total, expected) => {
    expect(judgeErrorRate(errors, total)).toBe(expected);
  });
});

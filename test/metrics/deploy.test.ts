import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/config/package-path.js";
import { createExposition } from "../../src/metrics/exposition.js";
import { METRIC_FAMILIES } from "../../src/metrics/metric-table.js";
import { findService } from "../support/services.js";
import { openTestStore } from "../support/test-store.js";
import { recordQuery } from "./helpers.js";

const hasPromtool = findService("promtool", "the promtool checks of deploy/ and of the exposition") !== undefined;
const promtool = (args: string[], input?: string) => spawnSync("promtool", args, { cwd: packagePath(), input, encoding: "utf8" });

// Grafana replaces this placeholder with the data source chosen at import.
const DATASOURCE_INPUT = "$" + "{DS_PROMETHEUS}";
const KNOWN = new Set(
  METRIC_FAMILIES.flatMap((f) => (f.type === "histogram" ? [`${f.name}_bucket`, `${f.name}_sum`, `${f.name}_count`] : [f.name])),
);
/** Metric names used in PromQL text: identifiers starting moodfood_ (functions and labels never do). */
const metricNames = (promql: string) => [...promql.matchAll(/\bmoodfood_[a-z_]+/g)].map((m) => m[0]);

describe("deploy/ files", () => {
  it.skipIf(!hasPromtool)("prometheus.yml and alerts.yml pass promtool check config / check rules", () => {
    const config = promtool(["check", "config", "deploy/prometheus.yml"]);
    expect(config.stdout + config.stderr).toContain("SUCCESS");
    expect(config.status).toBe(0);
    const rules = promtool(["check", "rules", "deploy/alerts.yml"]);
    expect(rules.status, rules.stdout + rules.stderr).toBe(0);
  });

  it.skipIf(!hasPromtool)("the fleet's prometheus.yml (every instance a target) passes promtool check config", () => {
    const fleet = promtool(["check", "config", "deploy/fleet/prometheus.yml"]);
    expect(fleet.status, fleet.stdout + fleet.stderr).toBe(0);
  });

  it.skipIf(!hasPromtool)("alerts fire on drift, health, error rate and an open LLM circuit (promtool test rules)", () => {
    const result = promtool(["test", "rules", "test/metrics/alerts.promtool.yml"]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it("alert rules use only exposed metric names", () => {
    const names = metricNames(readFileSync(packagePath("deploy", "alerts.yml"), "utf8"));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(KNOWN, name).toContain(name);
  });

  it("the Grafana dashboard is importable JSON over the exposed metric names", () => {
    const dashboard = JSON.parse(readFileSync(packagePath("deploy", "grafana-dashboard.json"), "utf8"));
    expect(dashboard.__inputs[0]).toMatchObject({ name: "DS_PROMETHEUS", type: "datasource", pluginId: "prometheus" });
    expect(dashboard.uid).toBe("moodfood-overview");
    const panels = dashboard.panels.filter((p: { type: string }) => p.type !== "row");
    expect(panels.length).toBeGreaterThan(10);
    const ids = dashboard.panels.map((p: { id: number }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set<string>();
    for (const panel of panels) {
      expect(panel.datasource.uid).toBe(DATASOURCE_INPUT);
      for (const target of panel.targets) for (const name of metricNames(target.expr)) used.add(name);
    }
    for (const name of used) expect(KNOWN, name).toContain(name);
    // Every DESIGN §5 family appears somewhere on the dashboard.
    for (const family of METRIC_FAMILIES)
      expect(
        [...used].some((n) => n.startsWith(family.name)),
        family.name,
      ).toBe(true);
    // Panels do not overlap on the 24-column grid.
    const cells = new Set<string>();
    for (const p of dashboard.panels) {
      const { x, y, w, h } = p.gridPos;
      expect(x + w).toBeLessThanOrEqual(24);
      for (let i = x; i < x + w; i++)
        for (let j = y; j < y + h; j++) {
          expect(cells.has(`${i},${j}`), `panel ${p.title} overlaps at ${i},${j}`).toBe(false);
          cells.add(`${i},${j}`);
        }
    }
  });
});

describe("promtool check metrics", () => {
  it.skipIf(!hasPromtool)("reports nothing but the inherited _ms unit names and prom-client's default gauges named *_total", async () => {
    const store = await openTestStore();
    await recordQuery(store, { llm: { model: "gpt-4o-mini", status: "ok" } });
    const { body } = await createExposition(store, { sources: { circuitModels: ["gpt-4o-mini"] } }).render("text");
    const result = promtool(["check", "metrics"], body);
    const problems = `${result.stdout}${result.stderr}`.trim().split("\n").filter(Boolean);
    expect(problems.length).toBeGreaterThan(0);
    for (const line of problems) {
      expect(line).toMatch(
        /^(moodfood_\w+_ms metric names should not contain abbreviated units|nodejs_active_\w+_total non-counter metrics should not have "_total" suffix)$/,
      );
    }
  });
});

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cacheGauge } from "../../src/metrics/cached-gauges.js";
import { createExposition } from "../../src/metrics/exposition.js";
import { findService } from "../support/services.js";
import { openTestStore } from "../support/test-store.js";
import { recordQuery } from "./helpers.js";

// The Python client's OpenMetrics parser is strict (EOF, counter naming, exemplar syntax, bucket
// order, +Inf == count). Debian packages it as python3-prometheus-client; skipped visibly without it.
const PARSE = `
import sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families
families = list(text_string_to_metric_families(sys.stdin.read()))
print(len(families), sum(1 for f in families for s in f.samples if s.exemplar))
`;
const python = findService("prometheus_client", "the strict OpenMetrics parse");

describe.skipIf(!python)("OpenMetrics output under a strict parser", () => {
  it("parses completely, exemplars included, with awkward label values", async () => {
    const store = await openTestStore();
    await recordQuery(store, { llm: { model: "gpt-4o-mini", status: "error", reason: "timeout" } });
    await recordQuery(store, { modelVersion: 'we"ird\\ver\nsion' });
    await recordQuery(store, { fail: true });
    await cacheGauge(store, "moodfood_system_health", [{ labels: {}, value: 91 }], Date.now());
    const { body } = await createExposition(store, { sources: { circuitModels: ["gpt-4o-mini"] } }).render("openmetrics");
    const result = spawnSync(python as string, ["-c", PARSE], { input: body, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const [families, exemplars] = result.stdout.trim().split(" ").map(Number);
    expect(families).toBeGreaterThan(17);
    expect(exemplars).toBeGreaterThan(0);
  });
});

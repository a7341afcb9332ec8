import { describe, expect, it } from "vitest";
import { buildWeeklyReport } from "../../src/report/build-weekly-report.js";
import { parseIsoWeek } from "../../src/report/iso-week.js";
import { renderReport } from "../../src/report/render/render-report.js";
import type { Store } from "../../src/store/store.js";
import { openTestStore } from "../support/test-store.js";
import { feedbackAt, seed, writeFeedback } from "./seed.js";

const DAY = 86_400_000;
const MONDAY = parseIsoWeek("2026-W03") as number;
const START = MONDAY * DAY;
const build = (store: Store) => buildWeeklyReport(store, { monday: MONDAY, timeZone: "UTC", now: START + 30 * DAY, traceCleanupHours: 24 });
const HOSTILE_QUERY = "<script>alert(1)</script> [click](http://evil.example) | **bold** `code`";
const HOSTILE_COMMENT = '<img src=x onerror="alert(2)"> ![x](http://evil.example/p.png) ~~gone~~';

async function busyStore(): Promise<Store> {
  const store = await openTestStore();
  const traces = await seed(
    store,
    Array.from({ length: 60 }, (_, i) => ({
      at: START + i * 2 * 3_600_000,
      query: i === 0 ? HOSTILE_QUERY : "sad",
      labels: ["emotion_sad"],
    })),
  );
  await writeFeedback(store, [
    feedbackAt(traces[0] as never, START + 1000, { rating: 1, sentiment: "negative", comment: HOSTILE_COMMENT }),
  ]);
  await store.health.record({ checked_at: START + 1000, status: "healthy", score: 100, source: "cli", checks: "{}" }, { append: true });
  return store;
}

describe("rendering the weekly report", () => {
  it("holds every section in Markdown and HTML, and the JSON is the report object", async () => {
    const report = await build(await busyStore());
    const md = renderReport(report, "md");
    const html = renderReport(report, "html");
    for (const title of [
      "Executive Summary",
      "Query Analysis",
      "Retraining Activities",
      "Drift Alerts",
      "User Feedback Trends",
      "System Health Status",
      "Performance Metrics",
      "Recommendations",
    ]) {
      expect(md).toContain(`## ${title}`);
      expect(html).toContain(`<h2>${title}</h2>`);
    }
    expect(md).toMatch(/Completed per day `[▁-█]{7}`/);
    expect(html.match(/<svg /g)).toHaveLength(5); // volume, decision mix, sentiment, health, latency
    expect(html).not.toMatch(/<script|<link|<[a-z]+[^>]*\s(src|href)=|url\(/); // no script, no external asset
    expect(JSON.parse(renderReport(report, "json"))).toEqual(report);
    expect(md).toContain(`${report.queries.total} queries started this week`);
  });

  it("escapes user text: a query or comment cannot add markup, links or images", async () => {
    const report = await build(await busyStore());
    const md = renderReport(report, "md");
    const html = renderReport(report, "html");
    expect(md).not.toMatch(/<script|<img|(?<!\\)\]\(http/);
    expect(md).toContain("&lt;script&gt;alert(1)&lt;/script&gt; \\[click\\](http://evil.example) \\| \\*\\*bold\\*\\* \\`code\\`");
    expect(md).toContain("!\\[x\\](http://evil.example/p.png) \\~\\~gone\\~\\~");
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
  });

  it("an empty week says so in a few lines instead of dressing zeros as health", async () => {
    const store = await openTestStore();
    await seed(store, [{ at: START + 20 * DAY }]);
    const report = await build(store);
    expect(report.empty).toBe(true);
    expect(report.latency.total.p50_ms).toBeNull();
    expect(report.queries.error_rate).toBeNull();
    const md = renderReport(report, "md");
    expect(md).toContain("No queries started in this week. The store's traces start between");
    expect(md).not.toMatch(/Performance Metrics|0\.0%|healthy/);
    expect(md.trim().split("\n").length).toBeLessThan(12);
    expect(md).toContain("None: nothing in this week's numbers calls for one.");
    expect(renderReport(report, "html")).not.toContain("<svg");
  });

  it("recommendations fire on the numbers they cite, and not at all in a quiet week", async () => {
    const quiet = await build(await busyStore());
    expect(quiet.recommendations).toEqual([]);
    const store = await busyStore();
    await seed(
      store,
      Array.from({ length: 40 }, (_, i) => ({ at: START + 3_600_000 + i * 60_000, status: "error" as const })),
    );
    const noisy = await build(store);
    const rule = noisy.recommendations.find((r) => r.rule === "error_rate_high");
    expect(rule?.evidence).toEqual({ errors: 40, completed: 100, error_rate: 0.4 });
    expect(rule?.message).toContain("40 of 100 queries failed (40.0%");
  });
});

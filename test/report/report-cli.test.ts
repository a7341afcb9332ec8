import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, cleanEnv, moodfood, tempDataDir } from "../e2e/cli.js";
import { findService } from "../support/services.js";
import { backendEnv, openTestStore } from "../support/test-store.js";

const DAY = 86_400_000;
let dir: string;
let week: { week: string; start: number; end: number };

interface ReportJson {
  week: string;
  period: { start: string; end: string; days: string[] };
  queries: { total: number; per_day: { completed: number }[] };
  feedback: { total: number; explicit: number; implicit: number; sentiment: Record<string, number>; rated: number };
  drift: { alerts: { raised: number; acknowledged: number; resolved: number; unresolved_at_end: number } };
  file?: string | null;
}

const report = (args: string[]): ReportJson => {
  const run = moodfood(["--data-dir", dir, "report", "weekly", "--format", "json", "--out", "-", ...args]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as ReportJson;
};

/** Alerts inside and around the week, written as drift check would (the drift tables are the store's). */
async function addAlerts(start: number, end: number): Promise<void> {
  const store = await openTestStore(dir);
  const alert = (id: string, opened: number) =>
    store.drift.insertAlert({
      alert_id: id,
      type: "labels",
      severity: "high",
      opened_at: opened,
      updated_at: opened,
      model_version: "m",
      score: 0.4,
      threshold: 0.1,
      details: "{}",
    });
  await alert("before-week", start - DAY);
  await store.drift.resolveAlert("before-week", start + DAY);
  await alert("in-week-acked", start + 2 * DAY);
  await store.drift.acknowledgeAlert("in-week-acked", start + 3 * DAY);
  await alert("in-week-open", end - 60_000);
  await store.close();
}

describe("moodfood report weekly after simulate --days 14 --per-day 50", () => {
  beforeAll(async () => {
    dir = tempDataDir();
    expect(moodfood(["--data-dir", dir, "simulate", "--days", "14", "--per-day", "50"]).status).toBe(0);
    // The week comes from the data: the default (last complete) week, which 14 simulated days always cover.
    const first = report([]);
    week = { week: first.week, start: Date.parse(first.period.start), end: Date.parse(first.period.end) };
    expect(week.end).toBeLessThanOrEqual(Date.now());
    expect(week.end - week.start).toBe(7 * DAY);
    await addAlerts(week.start, week.end);
  }, 120_000);

  it("its totals are what trace list counts for the week, its feedback and alerts the rows of their tables", async () => {
    const r = report(["--week", week.week]);
    const iso = (ms: number) => new Date(ms).toISOString();
    // A week of traces is a few MB of JSON: past spawnSync's default 1 MB buffer.
    const args = ["--data-dir", dir, "trace", "list", "--since", iso(week.start), "--until", iso(week.end), "--limit", "100000", "--json"];
    const listed = spawnSync(process.execPath, [BIN, ...args], {
      encoding: "utf8",
      env: { ...cleanEnv(), ...backendEnv(args) },
      maxBuffer: 256 * 1024 * 1024,
    });
    const traces = (JSON.parse(listed.stdout) as { traces: unknown[] }).traces;
    expect(traces.length).toBeGreaterThan(300);
    expect(r.queries.total).toBe(traces.length);
    expect(r.queries.per_day.reduce((n, d) => n + d.completed, 0)).toBe(traces.length);

    const store = await openTestStore(dir, { readonly: true });
    const feedback = await store.feedback.between(week.start, week.end);
    const alerts = await store.drift.listAlerts(true, 1000);
    await store.close();
    const inWeek = (at: number | null) => at !== null && at >= week.start && at < week.end;
    const sentiments = (s: string) => feedback.filter((f) => f.sentiment === s).length;
    expect(feedback.length).toBeGreaterThan(0);
    expect(r.feedback).toMatchObject({
      total: feedback.length,
      explicit: feedback.filter((f) => f.type === "explicit").length,
      implicit: feedback.filter((f) => f.type === "implicit").length,
      rated: feedback.filter((f) => f.rating !== null).length,
      sentiment: { positive: sentiments("positive"), neutral: sentiments("neutral"), negative: sentiments("negative") },
    });
    expect(r.drift.alerts).toEqual(
      expect.objectContaining({
        raised: alerts.filter((a) => inWeek(a.opened_at)).length,
        acknowledged: alerts.filter((a) => inWeek(a.acknowledged_at)).length,
        resolved: alerts.filter((a) => inWeek(a.resolved_at)).length,
        unresolved_at_end: alerts.filter((a) => a.opened_at < week.end && !(a.resolved_at !== null && a.resolved_at < week.end)).length,
      }),
    );
    expect(r.drift.alerts).toMatchObject({ raised: 2, acknowledged: 1, resolved: 1, unresolved_at_end: 2 });
  });

  it("writes reports/weekly_report_YYYYMMDD.md under the working directory by default, and --out relative to it", () => {
    const cwd = mkdtempSync(join(tmpdir(), "mf-report-cwd-"));
    const run = (args: string[]) => {
      const argv = ["--data-dir", dir, "report", "weekly", ...args];
      return spawnSync(process.execPath, [BIN, ...argv], {
        cwd,
        encoding: "utf8",
        env: { ...cleanEnv(), NO_COLOR: "1", ...backendEnv(argv) },
      });
    };
    const plain = run(["--week", week.week]);
    expect(plain.status).toBe(0);
    const ending = new Date(week.end - DAY).toISOString().slice(0, 10).replaceAll("-", "");
    expect(plain.stdout).toMatch(new RegExp(`^Wrote reports/weekly_report_${ending}\\.md: ${week.week} \\(`));
    const md = readFileSync(join(cwd, "reports", `weekly_report_${ending}.md`), "utf8");
    expect(md).toContain(`# Weekly report ${week.week}`);
    expect(md).toContain("## Recommendations");

    const html = run(["--week", week.week, "--format", "html", "--out", "out/week.html", "--json"]);
    expect((JSON.parse(html.stdout) as ReportJson).file).toBe(join(cwd, "out", "week.html"));
    expect(readFileSync(join(cwd, "out", "week.html"), "utf8")).toMatch(/^<!doctype html>/);
  });

  it("refuses a week or zone that does not exist with exit 2 and one line", () => {
    for (const args of [
      ["--week", "2026-W54"],
      ["--tz", "Mars/Olympus"],
      ["--format", "pdf"],
    ]) {
      const run = moodfood(["--data-dir", dir, "report", "weekly", ...args]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(moodfood(["--data-dir", dir, "report", "weekly"], { env: { MOODFOOD_TZ: "Nowhere/Else" } }).status).toBe(2);
  });

  it("the HTML renders in headless Chromium without console errors, charts drawn", () => {
    const chromium = findService("chromium", "weekly report HTML in headless Chromium");
    if (!chromium) return;
    const out = mkdtempSync(join(tmpdir(), "mf-report-html-"));
    const page = join(out, "week.html");
    expect(moodfood(["--data-dir", dir, "report", "weekly", "--week", week.week, "--format", "html", "--out", page]).status).toBe(0);
    const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0"];
    const dom = spawnSync(chromium, [...flags, "--dump-dom", `file://${page}`], { encoding: "utf8", timeout: 60_000 });
    expect(dom.stdout).toContain(`<h1>Weekly report ${week.week}</h1>`);
    expect(dom.stdout.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4);
    expect(dom.stderr).not.toMatch(/CONSOLE|Uncaught|Refused to load/);
    const png = join(out, "week.png");
    spawnSync(chromium, [...flags, `--screenshot=${png}`, "--window-size=1200,2400", `file://${page}`], { timeout: 60_000 });
    expect(existsSync(png) && statSync(png).size).toBeGreaterThan(20_000);
  }, 120_000);
});

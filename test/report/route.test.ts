import { afterEach, describe, expect, it } from "vitest";
import { parseIsoWeek } from "../../src/report/iso-week.js";
import { startTestServer, type TestServer } from "../server/helpers.js";
import { openTestStore } from "../support/test-store.js";
import { seed } from "./seed.js";

const DAY = 86_400_000;
const START = (parseIsoWeek("2026-W03") as number) * DAY;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe("GET /report/weekly", () => {
  it("answers the report of the week asked, as JSON by default, Markdown or HTML on request", async () => {
    server = await startTestServer({ store: await openTestStore() });
    await seed(server.store, [{ at: START + 1000 }, { at: START + DAY }, { at: START - 1000 }]);
    const json = await fetch(`${server.base}/report/weekly?week=2026-W03`);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    const report = (await json.json()) as { week: string; period: { start: string }; queries: { total: number; per_day: unknown[] } };
    expect(report.week).toBe("2026-W03");
    expect(report.period.start).toBe("2026-01-12T00:00:00.000Z");
    expect(report.queries.total).toBe(2);
    expect(report.queries.per_day).toHaveLength(7);

    const html = await fetch(`${server.base}/report/weekly?week=2026-W03&format=html&tz=Europe/Paris`);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(await html.text()).toContain("2026-01-12 to 2026-01-18 (Europe/Paris; 2026-01-11T23:00:00Z to 2026-01-18T23:00:00Z)");
    const md = await fetch(`${server.base}/report/weekly?week=2026-W03&format=md`);
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await md.text()).toMatch(/^# Weekly report 2026-W03\n/);
  });

  it("refuses a bad week, format or zone with a 400 that says what to send", async () => {
    server = await startTestServer({ store: await openTestStore() });
    for (const [query, code] of [
      ["week=2026-W60", "invalid_week"],
      ["format=pdf", "invalid_format"],
      ["tz=Mars/Olympus", "invalid_time_zone"],
    ]) {
      const res = await fetch(`${server.base}/report/weekly?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });
});

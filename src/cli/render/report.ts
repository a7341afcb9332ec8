import { relative } from "node:path";
import type { WeeklyReport } from "../../report/weekly-report.js";

/** One line saying where the report went and what it holds. */
export function renderReportWritten(r: WeeklyReport & { file: string | null }, cwd: string): string {
  const where = r.file === null ? "stdout" : relative(cwd, r.file) || r.file;
  const period = `${r.week} (${r.period.days[0]} to ${r.period.days[6]}, ${r.period.time_zone})`;
  if (r.empty) return `Wrote ${where}: ${period} holds no queries; the report says so.\n`;
  const recs = r.recommendations.length;
  return `Wrote ${where}: ${period}, ${r.queries.total.toLocaleString("en-US")} queries, ${r.feedback.total.toLocaleString("en-US")} feedback, ${r.drift.alerts.raised} alerts raised, ${recs === 0 ? "no recommendations" : `${recs} recommendation${recs === 1 ? "" : "s"}`}.\n`;
}

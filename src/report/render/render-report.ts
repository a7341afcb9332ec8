import type { WeeklyReport } from "../weekly-report.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";

export const REPORT_FORMATS = ["md", "html", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The report in one of its three forms; JSON is the report object itself (DESIGN §9 contract). */
export function renderReport(report: WeeklyReport, format: ReportFormat): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  return format === "html" ? renderHtml(report) : renderMarkdown(report);
}

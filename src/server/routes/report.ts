import { SETTINGS } from "../../config/settings.js";
import { buildWeeklyReport } from "../../report/build-weekly-report.js";
import { REPORT_FORMATS, type ReportFormat, renderReport } from "../../report/render/render-report.js";
import { resolveWeek } from "../../report/run-report.js";
import { badRequest } from "../http-error.js";
import { type ApiResponse, ok } from "../respond.js";
import type { Route } from "../router.js";

const CONTENT_TYPES: Record<Exclude<ReportFormat, "json">, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
};
/** TRACE_CLEANUP_HOURS as the server's environment sets it (the routes get no config object). */
const cleanupHours = () => SETTINGS.traceCleanupHours.parse(process.env.TRACE_CLEANUP_HOURS ?? "") ?? SETTINGS.traceCleanupHours.fallback;

/**
 * GET /report/weekly?week=YYYY-Www&format=json|md|html&tz=ZONE: what `report weekly` writes (JSON by
 * default), computed on the read-only store. The zone defaults to MOODFOOD_TZ, else UTC; 400 on a bad one.
 */
export const weeklyReportRoute: Route["handler"] = async ({ url, deps }): Promise<ApiResponse> => {
  const format = (url.searchParams.get("format") ?? "json") as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw badRequest("invalid_format", '"format" must be json, md or html.');
  const zone = url.searchParams.get("tz") ?? process.env.MOODFOOD_TZ ?? "UTC";
  const now = Date.now();
  const { monday, timeZone } = resolveWeek(url.searchParams.get("week") ?? undefined, zone, now);
  const report = await buildWeeklyReport(deps.store, { monday, timeZone, now, traceCleanupHours: cleanupHours() });
  if (format === "json") return ok(report);
  // The page holds user text (escaped) and needs no script or fetch: a strict policy makes sure of it.
  const headers = format === "html" ? { "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" } : undefined;
  return { status: 200, text: renderReport(report, format), contentType: CONTENT_TYPES[format], headers };
};

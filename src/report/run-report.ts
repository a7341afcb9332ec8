import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SETTINGS } from "../config/settings.js";
import { UsageError, UserError } from "../errors.js";
import type { Store } from "../store/store.js";
import { buildWeeklyReport } from "./build-weekly-report.js";
import { lastCompleteWeek, parseIsoWeek } from "./iso-week.js";
import { type ReportFormat, renderReport } from "./render/render-report.js";
import type { WeeklyReport } from "./weekly-report.js";

export interface ReportWeeklyOptions {
  /** "YYYY-Www"; default the last complete ISO week in the zone. */
  week?: string;
  /** A file path relative to cwd, or "-" for stdout; default reports/weekly_report_YYYYMMDD.<ext>. */
  out?: string;
  format: ReportFormat;
  timeZone: string;
}

export interface ReportWeeklyDeps {
  store: Store;
  now: number;
  cwd: string;
  traceCleanupHours: number;
}

export interface ReportWeeklyResult {
  /** The absolute path written, or null when the report went to stdout. */
  file: string | null;
  format: ReportFormat;
  text: string;
  report: WeeklyReport;
}

const EXTENSIONS: Record<ReportFormat, string> = { md: "md", html: "html", json: "json" };

/** The week a `--week` text names in a zone (validated), or the last complete one. */
export function resolveWeek(week: string | undefined, timeZone: string, now: number): { monday: number; timeZone: string } {
  const zone = SETTINGS.timeZone.parse(timeZone);
  if (zone === undefined)
    throw new UsageError(
      "invalid_time_zone",
      `"${timeZone}" is not a time zone this Node knows; give an IANA name such as UTC, Europe/Paris or Asia/Kolkata.`,
    );
  if (week === undefined) return { monday: lastCompleteWeek(now, zone), timeZone: zone };
  const monday = parseIsoWeek(week);
  if (monday === undefined)
    throw new UsageError("invalid_week", `"${week}" is not an ISO week; give YYYY-Www, e.g. 2026-W03 (weeks run 01 to 52 or 53).`);
  return { monday, timeZone: zone };
}

/** `moodfood report weekly`: builds the report from the store and writes it where asked. */
export async function runReportWeekly(options: ReportWeeklyOptions, deps: ReportWeeklyDeps): Promise<ReportWeeklyResult> {
  const { monday, timeZone } = resolveWeek(options.week, options.timeZone, deps.now);
  const report = await buildWeeklyReport(deps.store, { monday, timeZone, now: deps.now, traceCleanupHours: deps.traceCleanupHours });
  const text = renderReport(report, options.format);
  if (options.out === "-") return { file: null, format: options.format, text, report };
  const ending = report.period.days[6]?.replaceAll("-", "") ?? "";
  const file = resolve(deps.cwd, options.out ?? join("reports", `weekly_report_${ending}.${EXTENSIONS[options.format]}`));
  writeAtomically(file, text);
  return { file, format: options.format, text, report };
}

// Written beside the target then renamed, so a reader never sees half a report.
function writeAtomically(file: string, text: string): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, text);
    renameSync(partial, file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new UserError("report_not_written", `Could not write ${file} (${reason}); give a writable path with --out.`);
  }
}

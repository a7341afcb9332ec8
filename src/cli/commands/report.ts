import { type Command, InvalidArgumentError, Option } from "commander";
import { SETTINGS } from "../../config/settings.js";
import { printResult } from "../output.js";
import { withStoreForReading } from "../with-store.js";
import type { ContextFactory } from "./index.js";

interface WeeklyOptions {
  week?: string;
  out?: string;
  format: "md" | "html" | "json";
  tz?: string;
}

// Checked while parsing, so a bad zone is a usage error before the store is opened.
function zoneArg(value: string): string {
  const zone = SETTINGS.timeZone.parse(value);
  if (zone === undefined)
    throw new InvalidArgumentError(`"${value}" is not a time zone this Node knows; give an IANA name such as UTC or Europe/Paris.`);
  return zone;
}

export function registerReport(program: Command, context: ContextFactory): void {
  const report = program.command("report").description("reports computed from the store");
  report
    .command("weekly")
    .description("the weekly ops report of one ISO week, with week-over-week change, as Markdown, HTML or JSON")
    .option("--week <YYYY-Www>", "the ISO week, e.g. 2026-W03 (default: the last complete week)")
    .option(
      "--out <path>",
      "where to write it, relative to the working directory; - for stdout (default: reports/weekly_report_YYYYMMDD.<format>, the week's last day)",
    )
    .addOption(new Option("--format <format>", "md, html (inline SVG charts) or json").choices(["md", "html", "json"]).default("md"))
    .option("--tz <zone>", "IANA zone whose days and weeks to use (default: MOODFOOD_TZ, else UTC)", zoneArg)
    .option("--json", "print the report object (with the file written) as one JSON document")
    .addHelpText(
      "after",
      "\nExit codes: 0 written, 1 could not read the store or write the file, 2 usage error.\nExamples:\n  $ moodfood report weekly\n  $ moodfood report weekly --week 2026-W03 --format html --out week3.html\n  $ moodfood report weekly --tz Europe/Paris --format json --out -\n",
    )
    .action(async (options: WeeklyOptions, command: Command) => {
      const ctx = context(command);
      const [{ runReportWeekly }, { renderReportWritten }] = await Promise.all([
        import("../../report/run-report.js"),
        import("../render/report.js"),
      ]);
      const cwd = process.cwd();
      const result = await withStoreForReading(ctx, (store) =>
        runReportWeekly(
          { week: options.week, out: options.out, format: options.format, timeZone: options.tz ?? ctx.config.timeZone },
          { store, now: Date.now(), cwd, traceCleanupHours: ctx.config.traceCleanupHours },
        ),
      );
      if (result.file === null && !ctx.json) ctx.stdout(result.text);
      else printResult(ctx, { ...result.report, file: result.file }, (r) => renderReportWritten(r, cwd));
    });
}

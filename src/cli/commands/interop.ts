import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { FILE_KINDS, type FileKind } from "../../interop/original-layout.js";
import { printResult } from "../output.js";
import type { RunState } from "../program.js";
import { withStore, withStoreForReading } from "../with-store.js";
import type { ContextFactory } from "./index.js";

/** `export jsonl` and `import`: the original system's JSONL layout (DESIGN appendix), both ways. */
export function registerInterop(program: Command, context: ContextFactory, state: RunState): void {
  program
    .command("export")
    .description("write the store in another format")
    .addHelpText("after", "\nExample:\n  $ moodfood export jsonl --out ./export\n")
    .command("jsonl")
    .description("write traces, user_feedback, drift_metrics, drift_alerts and feedback_metrics .jsonl as the original system did")
    .option("--out <dir>", "directory to write the five files into", "moodfood-export")
    .option("--force", "overwrite files a previous export left there")
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      '\nOur own fields ride along under a "moodfood" key, so `moodfood import` of the directory restores everything.\nExample:\n  $ moodfood export jsonl --out ./backup-2026-05\n',
    )
    .action(async (options: { out: string; force?: boolean }, command: Command) => {
      const ctx = context(command);
      const { runExportJsonl } = await import("../../interop/export-jsonl.js");
      const { renderExport } = await import("../render/interop-result.js");
      const result = await withStoreForReading(ctx, (store) =>
        runExportJsonl(store, { outDir: resolve(options.out), force: options.force === true }),
      );
      printResult(ctx, result, renderExport);
    });

  program
    .command("import")
    .description("import JSONL files of the original system (or of `export jsonl`); a second import adds nothing")
    .argument(
      "<files...>",
      "traces.jsonl, user_feedback.jsonl, drift_metrics.jsonl, drift_alerts.jsonl, feedback_metrics.jsonl, or a directory of them",
    )
    .addOption(new Option("--as <kind>", "treat every file as this kind instead of detecting it").choices(FILE_KINDS))
    .option("--json", 'print {"imported": {...}, "duplicates", "skipped", "errors": [{file, line, message}]}')
    .addHelpText(
      "after",
      "\nLines that cannot be imported are listed with their line number and skipped; the exit code is then 1.\nTimes without a zone are read as UTC.\nExamples:\n  $ moodfood import logs/traces.jsonl logs/user_feedback.jsonl\n  $ moodfood import ./backup-2026-05 --json\n",
    )
    .action(async (files: string[], options: { as?: FileKind }, command: Command) => {
      const ctx = context(command);
      const { runImport } = await import("../../interop/import-jsonl.js");
      const { renderImport } = await import("../render/interop-result.js");
      await withStore(ctx, async (store) => {
        const result = await runImport(store, {
          paths: files.map((f) => resolve(f)),
          kind: options.as,
          keepQueryText: !ctx.config.redactQueries,
        });
        printResult(ctx, result, renderImport);
        if (result.skipped > 0) state.exitCode = 1;
      });
    });
}

import type { Command } from "commander";
import { printResult } from "../output.js";
import { withStore, withStoreForReading } from "../with-store.js";
import type { ContextFactory } from "./index.js";

export function registerModel(program: Command, context: ContextFactory): void {
  program
    .command("train")
    .description("train the classifier from fixtures/training; prints held-out macro-F1 and calibration error")
    .option("--out <dir>", "also write <version>.json and .bin to this directory")
    .option("--name <name>", "file base name with --out (default: the version)")
    .option("--promote", "make the new version the one queries use")
    .option("--json", "print one JSON object")
    .addHelpText(
      "after",
      "\nExamples:\n  $ moodfood train\n  $ moodfood train --promote\n  $ moodfood train --out models --name classifier   # regenerate the shipped model\n",
    )
    .action(async (options: { out?: string; name?: string; promote?: boolean }, command: Command) => {
      const ctx = context(command);
      const { trainAndSave } = await import("../model-runner.js");
      const { renderTrain } = await import("../render/train.js");
      printResult(ctx, await withStore(ctx, (store) => trainAndSave(store, options)), renderTrain);
    });

  program
    .command("retrain")
    .description("train a candidate from the training data plus the feedback buffer and judge it against the active model")
    .option("--promote", "make the candidate the one queries use, only if the gate passes")
    .option("--json", 'print {"candidate", "active", "promoted", "reason", "scores", "buffer", ...}')
    .addHelpText("after", "\nExamples:\n  $ moodfood retrain\n  $ moodfood retrain --promote --json\n")
    .action(async (options: { promote?: boolean }, command: Command) => {
      const ctx = context(command);
      const { retrainWithProgress } = await import("../model-runner.js");
      const { renderRetrain } = await import("../render/feedback-retrain.js");
      printResult(ctx, await retrainWithProgress(ctx, options.promote === true), renderRetrain);
    });

  const models = program
    .command("models")
    .description("list, promote or roll back classifier versions")
    .addHelpText("after", "\nExamples:\n  $ moodfood models list\n  $ moodfood models promote mf-1a2b3c4d\n  $ moodfood models rollback\n");
  models
    .command("list")
    .description("model versions and which one is active")
    .option("--json", 'print {"active", "candidate", "models": [...]}')
    .addHelpText("after", "\nExample:\n  $ moodfood models list --json\n")
    .action(async (_o: unknown, command: Command) => {
      const ctx = context(command);
      const { listModels } = await import("../../pipeline/classifier/model-registry.js");
      const { renderModels } = await import("../render/train.js");
      printResult(ctx, await withStoreForReading(ctx, listModels), renderModels);
    });
  models
    .command("candidate")
    .description("name the A/B candidate (MOODFOOD_AB_SPLIT routes that share of queries to it), or clear it")
    .argument("[version]", "a version from models list")
    .option("--clear", "no candidate: every query uses the active model")
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  $ moodfood models candidate mf-1a2b3c4d\n  $ MOODFOOD_AB_SPLIT=0.5 moodfood metrics serve\n  $ moodfood models candidate --clear\n",
    )
    .action(async (version: string | undefined, options: { clear?: boolean }, command: Command) => {
      const ctx = context(command);
      const { nameCandidate } = await import("../model-runner.js");
      const result = await withStore(ctx, (store) => nameCandidate(store, version, options.clear === true, ctx.config.abSplit));
      printResult(ctx, result, (r) =>
        r.candidate === null
          ? "No A/B candidate: every query uses the active model.\n"
          : `A/B candidate is ${r.candidate}; MOODFOOD_AB_SPLIT=${r.ab_split} routes ${Math.round(r.ab_split * 100)}% of queries to it${r.ab_split === 0 ? " (set it above 0 to start the test)" : ""}.\n`,
      );
    });
  models
    .command("promote")
    .description("make a trained version the one queries use")
    .argument("<version>", "a version from models list")
    .addHelpText("after", "\nExample:\n  $ moodfood models promote mf-1a2b3c4d\n")
    .option("--json", "print the result as JSON")
    .action(async (version: string, _o: unknown, command: Command) => {
      const ctx = context(command);
      const { promoteModel } = await import("../../pipeline/classifier/model-registry.js");
      const active = await withStore(ctx, (store) => promoteModel(store, version));
      printResult(ctx, { active }, (r) => `Queries now use model ${r.active}.\n`);
    });
  models
    .command("rollback")
    .description("go back to the model shipped with moodfood")
    .addHelpText("after", "\nExample:\n  $ moodfood models rollback\n")
    .option("--json", "print the result as JSON")
    .action(async (_o: unknown, command: Command) => {
      const ctx = context(command);
      const { promoteModel } = await import("../../pipeline/classifier/model-registry.js");
      const { loadShippedClassifier } = await import("../../pipeline/classifier/load.js");
      const active = await withStore(ctx, (store) => promoteModel(store, loadShippedClassifier().version));
      printResult(ctx, { active }, (r) => `Queries now use the shipped model ${r.active}.\n`);
    });

  program
    .command("eval")
    .description("score the pipeline on a JSONL file of {q, expect, forbid?, diet?} (nothing is stored)")
    .argument("<file>", "e.g. ../shared/eval/sample_queries.jsonl")
    .option("--json", "print the report as JSON")
    .addHelpText("after", "\nExample:\n  $ moodfood eval ../shared/eval/sample_queries.jsonl\n")
    .action(async (file: string, _o: unknown, command: Command) => {
      const ctx = context(command);
      const { runEvalFile } = await import("../model-runner.js");
      const { formatEvalReport } = await import("../../eval/format-report.js");
      const report = await runEvalFile(ctx, file);
      printResult(ctx, report, (r) => `${formatEvalReport(r).join("\n")}\n`);
    });
}

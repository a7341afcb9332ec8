import { type Command, Option } from "commander";
import { IMPLICIT_SIGNALS } from "../../records/feedback.js";
import { printResult } from "../output.js";
import { intInRange } from "../parsers.js";
import { withStore, withStoreForReading } from "../with-store.js";
import type { ContextFactory } from "./index.js";

interface ExplicitOptions {
  rating: string;
  thumbs?: string;
  comment?: string;
  labels?: string;
}

export function registerFeedback(program: Command, context: ContextFactory): void {
  const feedback = program
    .command("feedback")
    .description("record feedback on a trace, summarise it, show the retraining buffer")
    .addHelpText(
      "after",
      "\nExamples:\n  $ moodfood feedback explicit 4bf92f --rating 5 --comment 'spot on'\n  $ moodfood feedback implicit 4bf92f accept\n  $ moodfood feedback summary --days 7\n",
    );
  feedback
    .command("explicit")
    .description("a 1-5 rating of a trace's answer, optionally thumbs, a comment and the labels that were right")
    .argument("<trace-id>", "trace id or unique prefix (≥ 6 chars)")
    .requiredOption("--rating <n>", "a whole number from 1 to 5")
    .addOption(new Option("--thumbs <dir>", "thumbs up or down").choices(["up", "down"]))
    .option("--comment <text>", "what the person said (its sentiment refines the rating's)")
    .option("--labels <list>", "a correction: the taxonomy labels that were right, e.g. emotion_sad,weather_cold")
    .option("--json", "print the stored record")
    .addHelpText("after", "\nExample:\n  $ moodfood feedback explicit 4bf92f --rating 2 --labels emotion_sad,weather_cold\n")
    .action(async (traceId: string, options: ExplicitOptions, command: Command) => {
      const ctx = context(command);
      const [{ recordExplicitFeedback }, { feedbackToJson }, { renderFeedback }] = await Promise.all([
        import("../../feedback/record-feedback.js"),
        import("../../feedback/feedback-json.js"),
        import("../render/feedback.js"),
      ]);
      const input = { traceId, rating: options.rating, thumbs: options.thumbs, comment: options.comment, labels: options.labels };
      const record = await withStore(ctx, (store) => recordExplicitFeedback(store, input, Date.now()));
      printResult(ctx, feedbackToJson(record), renderFeedback);
    });
  feedback
    .command("implicit")
    .description(`a signal of what the person did with the answer: ${IMPLICIT_SIGNALS.join(", ")}`)
    .argument("<trace-id>", "trace id or unique prefix (≥ 6 chars)")
    .argument("<signal>", IMPLICIT_SIGNALS.join(" | "))
    .option("--json", "print the stored record")
    .addHelpText("after", "\nExample:\n  $ moodfood feedback implicit 4bf92f accept\n")
    .action(async (traceId: string, signal: string, _o: unknown, command: Command) => {
      const ctx = context(command);
      const [{ recordImplicitFeedback }, { feedbackToJson }, { renderFeedback }] = await Promise.all([
        import("../../feedback/record-feedback.js"),
        import("../../feedback/feedback-json.js"),
        import("../render/feedback.js"),
      ]);
      const record = await withStore(ctx, (store) => recordImplicitFeedback(store, { traceId, signal }, Date.now()));
      printResult(ctx, feedbackToJson(record), renderFeedback);
    });
  feedback
    .command("summary")
    .description("totals, sentiment ratios, average rating, per-day trend and per model version")
    .option("--model-version <v>", "only feedback on this model version")
    .option("--days <n>", "UTC days to cover, today included", intInRange(1, 3650), 30)
    .option("--json", 'print {"total_feedback", "positive_ratio", ..., "per_day": [...], "by_model_version": {...}}')
    .addHelpText("after", "\nExample:\n  $ moodfood feedback summary --days 7 --json\n")
    .action(async (options: { modelVersion?: string; days: number }, command: Command) => {
      const ctx = context(command);
      const [{ summariseFeedback }, { renderFeedbackSummary }] = await Promise.all([
        import("../../feedback/summary/feedback-summary.js"),
        import("../render/feedback-summary.js"),
      ]);
      const summary = await withStoreForReading(ctx, (store) =>
        summariseFeedback(store, { days: options.days, modelVersion: options.modelVersion, now: Date.now() }),
      );
      printResult(ctx, summary, renderFeedbackSummary);
    });
  feedback
    .command("buffer")
    .description("the retraining buffer: gold (explicit positive or corrected) and silver (implicit positive) examples")
    .option("--json", 'print {"size", "gold", "silver", "gold_ratio", ...}')
    .addHelpText("after", "\nExample:\n  $ moodfood feedback buffer --json\n")
    .action(async (_o: unknown, command: Command) => {
      const ctx = context(command);
      const [{ showBuffer }, { renderBuffer }] = await Promise.all([
        import("../../feedback/show-buffer.js"),
        import("../render/feedback.js"),
      ]);
      printResult(ctx, await withStore(ctx, (store) => showBuffer(store, Date.now())), renderBuffer);
    });
}

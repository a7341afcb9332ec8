import { statfsSync } from "node:fs";
import type { Command } from "commander";
import type { Store } from "../../store/store.js";
import { pruneHistory } from "../../tracing/maintenance.js";
import { printResult } from "../output.js";
import { timestamp } from "../render/timestamp.js";
import { durationArg } from "../time-args.js";
import { withStore } from "../with-store.js";
import type { ContextFactory } from "./index.js";

export interface PruneResult {
  deleted: number;
  /** Feedback rows deleted with their traces (or left without one). */
  feedback_deleted: number;
  cutoff: string;
  remaining: number;
}

export function registerPrune(program: Command, context: ContextFactory): void {
  program
    .command("prune")
    .description("delete traces older than a duration; metric counters are kept")
    .requiredOption("--older-than <dur>", "age of the traces to delete, e.g. 30d", durationArg)
    .option("--json", "print the result as JSON")
    .addHelpText("after", "\nExample:\n  $ moodfood prune --older-than 30d\n")
    .action(async (options: { olderThan: number }, command: Command) => {
      const ctx = context(command);
      const cutoff = Date.now() - options.olderThan;
      const prune = async (store: Store): Promise<PruneResult> => {
        const deleted = await pruneHistory(store, cutoff);
        return {
          deleted: deleted.traces,
          feedback_deleted: deleted.feedback,
          cutoff: new Date(cutoff).toISOString(),
          remaining: await store.traces.count(),
        };
      };
      let result: PruneResult;
      try {
        result = await withStore(ctx, prune);
      } catch (error) {
        // The WAL needs free blocks to record a delete; on a full disk, prune is the tool that frees them.
        if (!diskIsFull(ctx.config.dataDir)) throw error;
        result = await withStore(ctx, prune, "reclaim");
      }
      printResult(
        ctx,
        result,
        (r) =>
          `Deleted ${r.deleted} traces started before ${timestamp(r.cutoff)} and ${r.feedback_deleted} feedback rows whose trace is gone; ${r.remaining} traces remain. Metric counters are unchanged.\n`,
      );
    });
}

/** Less than 1 MiB free where the store lives. */
function diskIsFull(dataDir: string): boolean {
  try {
    const { bavail, bsize } = statfsSync(dataDir);
    return bavail * bsize < 1024 * 1024;
  } catch {
    return false;
  }
}

import { type Command, InvalidArgumentError } from "commander";
import { parseDietList } from "../../pipeline/constraints.js";
import { cleanQueryText } from "../../pipeline/parse.js";
import type { Diet } from "../../pipeline/types.js";
import { printResult } from "../output.js";
import { intInRange } from "../parsers.js";
import { renderAnswer } from "../render/answer.js";
import { withRuntime } from "../with-store.js";
import type { ContextFactory } from "./index.js";

interface QueryOptions {
  diet?: Diet[];
  top: number;
}

const dietOption = (value: string): Diet[] => {
  try {
    return parseDietList(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
};

export function registerQuery(program: Command, context: ContextFactory): void {
  program
    .command("query")
    .description("recommend dishes for how you feel, traced end to end")
    .argument("<text...>", "how you feel, in your own words")
    .option(
      "--diet <list>",
      "diet constraints, comma-separated: vegetarian,vegan,gluten_free,dairy_free,nut_free,halal,kosher,low_sugar",
      dietOption,
    )
    .option("--top <n>", "how many dishes", intInRange(1, 50), 5)
    .option("--json", "print one JSON object")
    .addHelpText(
      "after",
      '\nExamples:\n  $ moodfood query "I\'m sad and it\'s freezing outside"\n  $ moodfood query --diet vegan --top 3 "tired after the gym" --json\n',
    )
    .action(async (words: string[], options: QueryOptions, command: Command) => {
      const ctx = context(command);
      const text = words.join(" ");
      cleanQueryText(text); // an empty query is a usage error and leaves no trace
      // The answer prints before close() waits for OTLP (at most its timeout).
      await withRuntime(ctx, { traces: "store" }, async (runtime) => {
        const answer = await runtime.query({ text, diets: options.diet ?? [], top: options.top });
        printResult(ctx, answer, renderAnswer);
      });
    });
}

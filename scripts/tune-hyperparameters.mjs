// Chooses DEFAULT_TRAIN_OPTIONS and DEFAULT_MERGE_POLICY by 5-fold cross-validation inside the training split
// (decision 0017): never the held-out split or any evaluation set. Prints the CV tables and the
// chosen values; copy those into src/pipeline/classifier/train.ts and src/pipeline/decide.ts.
//
//   node scripts/tune-hyperparameters.mjs [--json] [--classifier '{"epochs":12,...}' (skip the classifier grid)]
import { build } from "esbuild";

const outfile = new URL("../dist/tune-hyperparameters.mjs", import.meta.url).pathname;
await build({
  entryPoints: [new URL("../src/pipeline/tuning.ts", import.meta.url).pathname],
  outfile,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});
const { tune } = await import(outfile);
const json = process.argv.includes("--json");
const at = process.argv.indexOf("--classifier");
const fixed = at > 0 ? JSON.parse(process.argv[at + 1] ?? "{}") : undefined;
const report = await tune(json ? undefined : (line) => console.log(line), fixed);
if (json) {
  console.log(JSON.stringify(report, null, 1));
} else {
  console.log(`\n${report.examples} training-split examples, 5 folds`);
  console.log("merge policy (micro precision / recall / F1 of final labels), best 10 by F1 (ties within 0.001: most precise):");
  for (const row of [...report.policies].sort((a, b) => b.f1 - a.f1).slice(0, 10)) {
    const { mlJoinAt, needJoinAt, mlOnlyAt, fallbackAt, maxLabels, unsupportedJoinAt } = row.policy;
    console.log(
      `  mlJoinAt ${mlJoinAt} needJoinAt ${needJoinAt} mlOnlyAt ${mlOnlyAt} fallbackAt ${fallbackAt} maxLabels ${maxLabels} unsupportedJoinAt ${unsupportedJoinAt}` +
        `  P ${row.precision.toFixed(4)} R ${row.recall.toFixed(4)} F1 ${row.f1.toFixed(4)}`,
    );
  }
  console.log(`\nchosen classifier options: ${JSON.stringify(report.chosenClassifier)}`);
  console.log(`chosen merge policy: ${JSON.stringify(report.chosenPolicy)}`);
}

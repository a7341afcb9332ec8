// Regenerates the shipped model models/classifier.{json,bin} from fixtures/training (see train.ts for the command).
import { statSync } from "node:fs";
import { SHIPPED_MODEL_NAME, shippedModelDir } from "../src/pipeline/classifier/load.js";
import { runTrain } from "../src/pipeline/classifier/run-train.js";

const result = runTrain({ outDir: shippedModelDir(), name: SHIPPED_MODEL_NAME });
const { header } = result.artifact;
for (const skip of result.skipped) console.warn(`skipped ${skip.file}:${skip.line}: ${skip.reason}`);
console.log(
  JSON.stringify(
    {
      version: header.version,
      examples: header.training.examples,
      heldout: header.training.heldout_examples,
      features: header.weights.features,
      bytes: result.files ? statSync(result.files.weightsPath).size : 0,
      macro_f1: result.heldoutMacroF1,
      micro_f1: result.metrics.micro_f1,
      ece: result.ece,
      top_label_ece: result.metrics.top_label_ece,
      top_label_accuracy: result.metrics.top_label_accuracy,
      duration_ms: result.durationMs,
    },
    null,
    1,
  ),
);

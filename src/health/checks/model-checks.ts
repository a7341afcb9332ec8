import { loadActiveClassifier } from "../../pipeline/classifier/active.js";
import type { ArtifactHeader } from "../../pipeline/classifier/artifact.js";
import { type CheckResult, type HealthInputs, notChecked, storeOf } from "../types.js";

/** A model whose held-out macro-F1 is below this warns (the shipped model scores about 0.84). */
export const MIN_HELDOUT_MACRO_F1 = 0.6;
const DAY_MS = 86_400_000;

/** model: loaded (with its version), held-out score, age (informational: age alone never warns). */
export async function modelChecks(inputs: HealthInputs): Promise<CheckResult[]> {
  const store = storeOf(inputs);
  if (!store) return [notChecked("model", "loaded", "the active model is chosen in the store, which cannot be read")];
  let header: ArtifactHeader;
  let promoted: boolean;
  try {
    promoted = (await store.models.active()) !== undefined;
    header = (await loadActiveClassifier(store)).artifact.header;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [
      {
        component: "model",
        measurement: "loaded",
        status: "fail",
        observed_value: false,
        output: `the active model cannot be loaded: ${message}`,
      },
    ];
  }
  const origin = promoted ? "promoted" : "shipped";
  const f1 = header.heldout_metrics?.macro_f1;
  const ageDays = Math.max(0, Math.floor((inputs.now - Date.parse(header.trained_at)) / DAY_MS));
  return [
    {
      component: "model",
      measurement: "loaded",
      status: "pass",
      observed_value: header.version,
      output: `${origin} model ${header.version} loaded`,
    },
    typeof f1 === "number"
      ? {
          component: "model",
          measurement: "heldout_score",
          status: f1 >= MIN_HELDOUT_MACRO_F1 ? "pass" : "warn",
          observed_value: f1,
          observed_unit: "macro_f1",
          output: `held-out macro-F1 ${f1.toFixed(3)}${f1 >= MIN_HELDOUT_MACRO_F1 ? "" : ` (below ${MIN_HELDOUT_MACRO_F1}); consider moodfood retrain`}`,
        }
      : {
          component: "model",
          measurement: "heldout_score",
          status: "warn",
          observed_value: null,
          output: "the model records no held-out score",
        },
    {
      component: "model",
      measurement: "age",
      status: "pass",
      observed_value: Number.isFinite(ageDays) ? ageDays : null,
      observed_unit: "days",
      output: `trained ${header.trained_at.slice(0, 10)} (${ageDays} days ago; age alone is not a problem, drift is)`,
    },
  ];
}

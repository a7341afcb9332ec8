import type { Runtime } from "../runtime/runtime.js";
import type { ApiDeps } from "./api-deps.js";

/** POST /query through the composition root: the same sinks, exporters and upkeep as `moodfood query`. */
export function runtimeQueryRunner(runtime: Runtime): ApiDeps["runQuery"] {
  return (input) => runtime.query(input);
}

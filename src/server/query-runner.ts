import type { Config } from "../config/settings.js";
import type { PipelineDeps } from "../pipeline/pipeline.js";
import type { Store } from "../store/store.js";
import type { ApiDeps } from "./api-deps.js";

/** Runs queries through the real pipeline; the model and catalog load on the first POST /query, once. */
export function pipelineQueryRunner(config: Config, store: Store): ApiDeps["runQuery"] {
  let deps: PipelineDeps | undefined;
  return async (input) => {
    const [{ runQuery }, { createPipelineDeps }] = await Promise.all([import("../pipeline/pipeline.js"), import("../pipeline/runtime.js")]);
    deps ??= createPipelineDeps(config, store);
    return runQuery(input, deps);
  };
}

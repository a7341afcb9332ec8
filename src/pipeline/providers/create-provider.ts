import type { Config } from "../../config/settings.js";
import type { Store } from "../../store/store.js";
import { CORE_LABELS } from "../taxonomy.js";
import type { LlmProvider } from "../types.js";
import { withCircuitBreaker } from "./circuit-breaker.js";
import { createLocalProvider } from "./local.js";
import { createOpenAiProvider } from "./openai.js";

/** The LLM provider named by MOODFOOD_LLM_PROVIDER; remote ones sit behind the shared circuit breaker. */
export function createProvider(config: Config, store: Store): LlmProvider {
  if (config.llmProvider === "openai") {
    const provider = createOpenAiProvider({
      baseUrl: config.llmBaseUrl,
      apiKey: config.llmApiKey,
      model: config.llmModel,
      timeoutMs: config.llmTimeoutMs,
      labels: CORE_LABELS,
    });
    return withCircuitBreaker(provider, store);
  }
  return createLocalProvider();
}

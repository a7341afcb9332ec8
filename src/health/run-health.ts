import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Config } from "../config/settings.js";
import { postWebhook } from "../drift/alerts/webhook.js";
import { CORE_LABELS } from "../pipeline/taxonomy.js";
import type { LlmProvider } from "../pipeline/types.js";
import { STORE_FILE } from "../store/open-store.js";
import { openStore, type Store } from "../store/store.js";
import { DEEP_CALL_TIMEOUT_MS } from "./checks/llm-checks.js";
import { computeHealth } from "./compute-health.js";
import { healthChangeMessage } from "./health-alert.js";
import type { HealthDocument } from "./health-document.js";
import { storable } from "./health-watch.js";
import { type RecordedHealth, recordHealth } from "./record-health.js";

export interface HealthOptions {
  deep: boolean;
}

export interface HealthDeps {
  config: Config;
  /** The working directory: the weekly report's reports/ lives under it. */
  cwd: string;
  /** One warning line (not cached, webhook failed); the result still stands. */
  warn(line: string): void;
  now?: () => number;
}

/** How long `moodfood health` waits for another process's write lock before leaving the result uncached. */
const CACHE_PATIENCE_MS = 2000;

/**
 * `moodfood health`: checks on a read-only connection (works on a read-only mount, a full disk, beside a
 * writer), then — only when the store proved writable — stores the result for the scrape and the history,
 * and posts a change of status to MOODFOOD_ALERT_WEBHOOK.
 */
export async function runHealth(options: HealthOptions, deps: HealthDeps): Promise<HealthDocument> {
  const { config } = deps;
  const now = (deps.now ?? Date.now)();
  let store: Store | { error: string };
  try {
    store = await openStore(config, { readonly: true });
  } catch (error) {
    store = { error: error instanceof Error ? error.message : String(error) };
  }
  let doc: HealthDocument;
  try {
    doc = await computeHealth(
      {
        config,
        store,
        now,
        deep: options.deep,
        integrity: options.deep ? "run" : "recent",
        metricsServer: "probe",
        reportsDir: resolve(deps.cwd, "reports"),
      },
      { liveProvider: () => liveProvider(config) },
    );
  } finally {
    if (!("error" in store)) await store.close();
  }
  // Health never creates a store, and never writes to one it could not read, found damaged or could not prove writable.
  const storeExists = config.databaseUrl !== "" || existsSync(join(config.dataDir, STORE_FILE)); // PostgreSQL: opened, so migrated
  if (!storable(doc) || !storeExists) return doc;
  let changed: RecordedHealth | undefined;
  try {
    const writer = await openStore(config, { busyTimeoutMs: CACHE_PATIENCE_MS });
    try {
      changed = await recordHealth(writer, doc, "cli", config.retentionDays);
      doc.cached = true;
    } finally {
      await writer.close();
    }
  } catch (error) {
    deps.warn(`health was not stored for moodfood_system_health: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (changed?.changed && config.alertWebhook) {
    const target = { url: config.alertWebhook, format: config.alertWebhookFormat };
    const warning = await postWebhook(target, healthChangeMessage(doc, changed.previous));
    if (warning) deps.warn(warning);
  }
  return doc;
}

/** The configured endpoint without the circuit breaker, so a --deep call neither opens nor closes it. */
async function liveProvider(config: Config): Promise<LlmProvider> {
  const { createOpenAiProvider } = await import("../pipeline/providers/openai.js");
  return createOpenAiProvider({
    baseUrl: config.llmBaseUrl,
    apiKey: config.llmApiKey,
    model: config.llmModel,
    timeoutMs: Math.min(config.llmTimeoutMs, DEEP_CALL_TIMEOUT_MS),
    labels: CORE_LABELS,
  });
}

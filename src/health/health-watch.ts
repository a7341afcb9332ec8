import type { Config } from "../config/settings.js";
import { postWebhook } from "../drift/alerts/webhook.js";
import type { Store } from "../store/store.js";
import { healthChangeMessage } from "./health-alert.js";
import type { HealthDocument } from "./health-document.js";
import { recordHealth } from "./record-health.js";

/** How often `metrics serve` recomputes the health (the seed's automatic degradation detection). */
export const HEALTH_INTERVAL_MS = 60_000;

/** Whether a result may be stored: the store was read, is not damaged and proved writable. */
export function storable(doc: HealthDocument): boolean {
  const status = (key: string) => doc.checks[key]?.[0]?.status;
  return status("store:reachable") === "pass" && status("store:writable") === "pass" && status("store:integrity") !== "fail";
}

export interface HealthWatchDeps {
  config: Config;
  check(): Promise<HealthDocument>;
  /** A connection opened with busyTimeoutMs 0: records go through writeWhenFree, never blocking the event loop. */
  writer: Store;
  log(line: string): void;
  intervalMs?: number;
}

export interface HealthWatch {
  /** One check now (the timer calls the same). */
  tick(): Promise<void>;
  /** Stops the timer and waits for a check in flight. */
  stop(): Promise<void>;
}

/** Recomputes the health every minute, stores it for the scrape, and posts a change of status to the webhook. */
export function startHealthWatch(deps: HealthWatchDeps): HealthWatch {
  let inFlight: Promise<void> | undefined;
  const once = async (): Promise<void> => {
    try {
      const doc = await deps.check();
      if (!storable(doc)) return;
      const recorded = await deps.writer.writeWhenFree(() => recordHealth(deps.writer, doc, "serve", deps.config.retentionDays));
      if (!recorded.changed) return;
      deps.log(`moodfood: health ${recorded.previous ?? "unknown"} → ${doc.overall_status} (score ${doc.score})`);
      if (deps.config.alertWebhook) {
        const target = { url: deps.config.alertWebhook, format: deps.config.alertWebhookFormat };
        const warning = await postWebhook(target, healthChangeMessage(doc, recorded.previous));
        if (warning) deps.log(`moodfood: ${warning}`);
      }
    } catch (error) {
      deps.log(`moodfood: health check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const tick = (): Promise<void> => {
    inFlight ??= once().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  const timer = setInterval(() => void tick(), deps.intervalMs ?? HEALTH_INTERVAL_MS);
  timer.unref(); // never what keeps the process alive
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}

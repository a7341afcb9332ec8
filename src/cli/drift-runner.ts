import { setTimeout as sleep } from "node:timers/promises";
import { acknowledgeAlert } from "../drift/alerts/acknowledge.js";
import { alertToJson } from "../drift/alerts/alert-json.js";
import { postAlert } from "../drift/alerts/webhook.js";
import { type DriftCheckResult, runDriftCheck } from "../drift/check/run-drift-check.js";
import { MIN_SAMPLE } from "../drift/check/signals.js";
import { type BaselineSpec, clearPinnedBaseline, parseRange, pinBaseline, readPinnedBaseline } from "../drift/check/windows.js";
import { UsageError } from "../errors.js";
import { activeModelInfo } from "../pipeline/classifier/active.js";
import type { CliContext } from "./context.js";
import { timestamp } from "./render/timestamp.js";
import { MIN_INTERVAL_MINUTES, parsePointInTime } from "./time-args.js";
import { withStore, withStoreForReading } from "./with-store.js";

function parseBaseline(value: string | undefined): BaselineSpec | undefined {
  if (value === undefined) return undefined;
  if (value === "model" || value === "previous") return { kind: value };
  const { from, to } = parseRange(value);
  return { kind: "range", from, to };
}

function parseUntil(value: string | undefined, now: number): number {
  if (value === undefined) return now;
  try {
    return parsePointInTime(value, now);
  } catch (error) {
    throw new UsageError("invalid_until", error instanceof Error ? error.message : String(error));
  }
}

/** One drift check; webhooks for newly opened alerts are posted after the transaction commits. */
export async function runCheckOnce(
  ctx: CliContext,
  options: { window: number; until?: string; baseline?: string },
): Promise<DriftCheckResult> {
  const now = Date.now();
  const spec = parseBaseline(options.baseline);
  const until = parseUntil(options.until, now);
  const result = await withStore(ctx, async (store) => {
    const model = await activeModelInfo(store);
    return runDriftCheck(store, {
      windowMs: options.window,
      until,
      baseline: spec,
      threshold: ctx.config.driftThreshold,
      modelVersion: model.version,
      confidenceReference: model.confidenceReference,
      now,
    });
  });
  if (ctx.config.alertWebhook) {
    for (const alert of result.alerts.opened) {
      const warning = await postAlert({ url: ctx.config.alertWebhook, format: ctx.config.alertWebhookFormat }, alert);
      if (warning) ctx.stderr(`moodfood: ${warning}\n`);
    }
  }
  return result;
}

/** --interval if given, else DRIFT_CHECK_INTERVAL; under a minute is a usage error either way. */
export function watchIntervalMinutes(flag: number | undefined, configured: number): number {
  if (flag !== undefined) return flag;
  if (configured < MIN_INTERVAL_MINUTES) {
    throw new UsageError("invalid_interval", `DRIFT_CHECK_INTERVAL must be at least ${MIN_INTERVAL_MINUTES} minute (got ${configured}).`);
  }
  return configured;
}

/** Checks every `intervalMs` until SIGINT/SIGTERM, one line per check; returns promptly on a signal. */
export async function watchDrift(ctx: CliContext, intervalMs: number, windowMs: number): Promise<void> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  ctx.stderr(`moodfood: checking drift every ${intervalMs / 60_000} min; Ctrl-C stops.\n`);
  try {
    while (!stop.signal.aborted) {
      const result = await runCheckOnce(ctx, { window: windowMs });
      const line = {
        checked_at: result.checked_at,
        status: result.status,
        severity: result.severity,
        exit_code: result.exit_code,
        explanation: result.explanation,
      };
      ctx.stdout(ctx.json ? `${JSON.stringify(line)}\n` : `${timestamp(line.checked_at)} ${line.severity.padEnd(8)} ${line.explanation}\n`);
      await sleep(intervalMs, undefined, { signal: stop.signal }).catch(() => {});
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

export function listAlerts(ctx: CliContext, includeResolved: boolean, limit: number) {
  return withStoreForReading(ctx, async (store) => ({ alerts: (await store.drift.listAlerts(includeResolved, limit)).map(alertToJson) }));
}

export function ackAlert(ctx: CliContext, id: string) {
  return withStore(ctx, (store) => acknowledgeAlert(store, id, Date.now()));
}

export interface BaselineView {
  /** null when no baseline is pinned (checks compare with the previous window). */
  pinned: { from: string; to: string; pinned_at: string; traces: number } | null;
  model_version: string;
}

export function setBaseline(ctx: CliContext, range: string): Promise<BaselineView> {
  const { from, to } = parseRange(range);
  return withStore(ctx, async (store) => {
    const { version } = await activeModelInfo(store);
    const now = Date.now();
    const traces = await pinBaseline(store, { from, to }, { now, modelVersion: version, minimum: MIN_SAMPLE });
    return { pinned: { from: iso(from), to: iso(to), pinned_at: iso(now), traces }, model_version: version };
  });
}

export function showBaseline(ctx: CliContext): Promise<BaselineView> {
  return withStoreForReading(ctx, async (store) => {
    const { version } = await activeModelInfo(store);
    const pinned = await readPinnedBaseline(store);
    return {
      pinned: pinned && {
        from: iso(pinned.from),
        to: iso(pinned.to),
        pinned_at: iso(pinned.pinnedAt),
        traces: await store.drift.countSamples(pinned.from, pinned.to, version),
      },
      model_version: version,
    };
  });
}

export function clearBaseline(ctx: CliContext): Promise<{ cleared: boolean }> {
  return withStore(ctx, async (store) => ({ cleared: await clearPinnedBaseline(store) }));
}

const iso = (ms: number) => new Date(ms).toISOString();

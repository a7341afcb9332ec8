import { cachedGaugeKey, readCachedGauge } from "../metrics/cached-gauges.js";
import { readShippedModelFacts } from "../metrics/model-facts.js";
import { candidateVersion } from "../pipeline/classifier/candidate.js";
import { OPEN_MS, readCircuit } from "../pipeline/providers/circuit-breaker.js";
import type { Store } from "../store/store.js";
import type { CircuitFacts, DriftFacts, HealthFacts } from "./dashboard-snapshot.js";

const HEALTH_GAUGE = "moodfood_system_health";

/** The last health `moodfood health` or `metrics serve` computed (status and score); null before the first check. */
export async function readHealth(store: Store): Promise<HealthFacts | null> {
  const latest = await store.health.latest();
  if (latest) return { score: latest.score, status: latest.status, checkedAt: latest.checked_at };
  // A store written before the health history existed may still hold the scrape's cached score.
  const series = (await readCachedGauge(store, HEALTH_GAUGE))?.[0];
  const checkedAt = (await store.meta.get(cachedGaugeKey(HEALTH_GAUGE)))?.updatedAt;
  if (!series || checkedAt === undefined) return null;
  return { score: series.value, status: null, checkedAt };
}

let shippedVersion: { version: string | null } | undefined;

/** The promoted model, else the shipped one, and the A/B candidate when `models candidate` named one. */
export async function readModels(store: Store): Promise<{ active: string | null; candidate: string | null }> {
  shippedVersion ??= { version: readShippedModelFacts()?.version ?? null };
  const active = (await store.dashboard.activeModelVersion()) ?? shippedVersion.version;
  return { active, candidate: await candidateVersion(store) };
}

/** Each configured model's shared breaker: open for 60 s after 5 failures, then half-open for one probe. */
export async function readCircuits(store: Store, models: readonly string[], now: number): Promise<CircuitFacts[]> {
  const circuits: CircuitFacts[] = [];
  for (const model of models) {
    const state = await readCircuit(store, model);
    const phase = state.openedAt === null ? "closed" : now - state.openedAt < OPEN_MS ? "open" : "half_open";
    circuits.push({ model, state: phase, failures: state.failures, openedAt: state.openedAt });
  }
  return circuits;
}

/** The latest stored `drift check` and the most recently opened alert (no recomputation). */
export async function readDrift(store: Store): Promise<DriftFacts> {
  const check = await store.drift.latestCheck();
  const [alert] = await store.drift.listAlerts(true, 1);
  const open = await store.drift.listAlerts(false, 1000);
  return {
    lastCheck: check
      ? { checkedAt: check.checked_at, severity: check.severity, score: check.overall_score, modelVersion: check.model_version }
      : null,
    lastAlert: alert
      ? { alertId: alert.alert_id, type: alert.type, severity: alert.severity, status: alert.status, openedAt: alert.opened_at }
      : null,
    openAlerts: open.length,
  };
}

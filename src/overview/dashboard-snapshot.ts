// What one dashboard frame shows (DESIGN §10), read from the store in one short read transaction.

/** The contract's decision names (DESIGN §3), in the order the dashboard lists them. */
export const DECISIONS = ["ml_validated", "llm_fallback", "ml_only", "default_fallback"] as const;

/**
 * The hours the panels cover: the last 24 h, or the latest 24 h holding data when the last 24 h
 * hold none (`latest_day_with_data`), or nothing at all (`empty`).
 */
export interface PanelWindow {
  kind: "last_24h" | "latest_day_with_data" | "empty";
  /** Epoch ms; start is the top of the first hour. */
  start: number;
  end: number;
  fromHour: number;
  toHour: number;
}

export interface HealthFacts {
  score: number;
  /** The status the health check stored beside its score, when it stored one. */
  status: string | null;
  checkedAt: number;
}

export interface LatencyFacts {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  /** True when a percentile lies in the +Inf bucket: the value shown is the top finite bound. */
  beyondLastBucket: boolean;
}

export interface CircuitFacts {
  model: string;
  state: "closed" | "open" | "half_open";
  failures: number;
  openedAt: number | null;
}

export interface DriftFacts {
  lastCheck: { checkedAt: number; severity: string; score: number | null; modelVersion: string | null } | null;
  lastAlert: { alertId: string; type: string; severity: string; status: string; openedAt: number } | null;
  openAlerts: number;
}

export interface FeedbackFacts {
  total: number;
  positive: number;
  neutral: number;
  negative: number;
  rated: number;
  averageRating: number | null;
}

export interface RecentTrace {
  traceId: string;
  startedAt: number;
  status: string;
  query: string;
  decision: string | null;
  durationMs: number | null;
}

export interface DashboardSnapshot {
  at: number;
  window: PanelWindow;
  health: HealthFacts | null;
  models: { active: string | null; candidate: string | null };
  /** Traces started per minute over the last hour of the window (60 entries, oldest first). */
  throughput: { perMinute: number[]; since: number; until: number; total: number };
  queries: { total: number; errors: number; byDecision: Record<string, number> };
  latency: LatencyFacts | null;
  llm: { calls: number; errors: number; errorsByReason: Record<string, number>; circuits: CircuitFacts[] };
  drift: DriftFacts;
  feedback: FeedbackFacts;
  /** Newest first. */
  recent: RecentTrace[];
}

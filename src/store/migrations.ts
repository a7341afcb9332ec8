// Ordered schema migrations; entry i brings user_version from i to i + 1. Never edit a shipped entry.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE traces (
    id INTEGER PRIMARY KEY,
    trace_id TEXT NOT NULL UNIQUE,
    root_span_id TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at INTEGER,
    duration_ms REAL,
    status TEXT NOT NULL,
    query TEXT NOT NULL,
    labels TEXT NOT NULL DEFAULT '[]',
    confidence REAL,
    final_decision TEXT,
    model_version TEXT,
    request_id TEXT NOT NULL,
    user_id TEXT,
    session_id TEXT,
    error TEXT,
    spans TEXT NOT NULL,
    recommendations TEXT NOT NULL DEFAULT '[]',
    agreement INTEGER
  );
  CREATE INDEX traces_started_at ON traces(started_at);
  -- Partial index: the abandoned-trace sweep touches only the few active rows.
  CREATE INDEX traces_active ON traces(started_at) WHERE status = 'active';

  -- Metric rollups, written in the same transaction as the trace; hour -1 holds all-time totals.
  CREATE TABLE counter_rollups (
    name TEXT NOT NULL,
    labels TEXT NOT NULL,
    hour INTEGER NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (name, hour, labels)
  ) WITHOUT ROWID;
  CREATE TABLE histogram_rollups (
    name TEXT NOT NULL,
    labels TEXT NOT NULL,
    hour INTEGER NOT NULL,
    count INTEGER NOT NULL,
    sum REAL NOT NULL,
    buckets TEXT NOT NULL,
    exemplar_trace_id TEXT,
    exemplar_value REAL,
    exemplar_at INTEGER,
    PRIMARY KEY (name, hour, labels)
  ) WITHOUT ROWID;

  -- Small shared state between processes: circuit breaker, cached gauges, sweep times.
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE models (
    version TEXT PRIMARY KEY,
    header TEXT NOT NULL,
    weights BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    feedback_id TEXT NOT NULL UNIQUE,
    trace_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    type TEXT NOT NULL,
    rating INTEGER,
    thumbs TEXT,
    comment TEXT,
    signal TEXT,
    sentiment TEXT NOT NULL,
    model_version TEXT,
    user_id TEXT,
    session_id TEXT
  );
  CREATE INDEX feedback_created_at ON feedback(created_at);
  CREATE INDEX feedback_trace_id ON feedback(trace_id);

  CREATE TABLE drift_checks (
    id INTEGER PRIMARY KEY,
    checked_at INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    window_end INTEGER NOT NULL,
    baseline TEXT NOT NULL,
    model_version TEXT,
    overall_score REAL,
    severity TEXT NOT NULL,
    result TEXT NOT NULL
  );
  CREATE INDEX drift_checks_checked_at ON drift_checks(checked_at);

  CREATE TABLE drift_alerts (
    id INTEGER PRIMARY KEY,
    alert_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    severity TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    acknowledged_at INTEGER,
    resolved_at INTEGER,
    model_version TEXT,
    score REAL,
    threshold REAL,
    details TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX drift_alerts_open ON drift_alerts(type) WHERE status != 'resolved';
  `,
  // Health history: one row per computed health (moodfood health, metrics serve's minute timer).
  `
  CREATE TABLE health_checks (
    id INTEGER PRIMARY KEY,
    checked_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    score REAL NOT NULL,
    source TEXT NOT NULL,
    checks TEXT NOT NULL
  );
  CREATE INDEX health_checks_checked_at ON health_checks(checked_at);
  `,
  // Feedback loop (issue 11): corrections on feedback, a session index for implicit re_query, retrain runs.
  `
  ALTER TABLE feedback ADD COLUMN labels TEXT;
  CREATE INDEX traces_session ON traces(session_id, started_at) WHERE session_id IS NOT NULL;
  CREATE TABLE retrain_runs (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL UNIQUE,
    started_at INTEGER NOT NULL,
    duration_ms REAL NOT NULL,
    trigger TEXT NOT NULL,
    status TEXT NOT NULL,
    candidate TEXT,
    active TEXT NOT NULL,
    promoted INTEGER NOT NULL,
    reason TEXT NOT NULL,
    samples INTEGER NOT NULL,
    gold INTEGER NOT NULL,
    silver INTEGER NOT NULL,
    gold_ratio REAL NOT NULL,
    scores TEXT NOT NULL,
    buffer TEXT NOT NULL
  );
  CREATE INDEX retrain_runs_started_at ON retrain_runs(started_at);
  `,
];

// The original Python system's JSONL files (DESIGN appendix). Our own fields ride along under `moodfood`.

export const FILE_KINDS = ["traces", "user_feedback", "drift_metrics", "drift_alerts", "feedback_metrics"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const fileNameOf = (kind: FileKind): string => `${kind}.jsonl`;

export interface OriginalEvent {
  event_id: string;
  trace_id: string;
  /** `<stage>_start`, then `<stage>_end` or `<stage>_error`. */
  stage: string;
  timestamp: string;
  duration_ms: number;
  metadata: Record<string, unknown>;
  status: "start" | "success" | "error";
  error_message: string | null;
  moodfood?: { span_id: string; parent_span_id: string | null; start_offset_ms: number };
}

export interface OriginalTrace {
  trace_id: string;
  request_id: string;
  start_time: string;
  events: OriginalEvent[];
  total_duration_ms: number;
  status: string;
  user_id: string | null;
  session_id: string | null;
  model_version: string | null;
  final_decision: string | null;
  moodfood: Record<string, unknown>;
}

export interface OriginalFeedback {
  feedback_id: string;
  timestamp: string;
  trace_id: string;
  model_version: string | null;
  feedback_type: string;
  sentiment: string;
  query: string;
  recommendations: string[];
  user_rating: number | null;
  feedback_text: string | null;
  session_id: string | null;
  user_id: string | null;
  moodfood: Record<string, unknown>;
}

export interface OriginalDriftMetrics {
  timestamp: string;
  model_version: string | null;
  overall_drift_score: number;
  alerts_triggered: number;
  status: "normal" | "alert";
  moodfood: Record<string, unknown>;
}

export interface OriginalDriftAlert {
  alert_id: string;
  timestamp: string;
  alert_type: string;
  severity: string;
  model_version: string | null;
  drift_score: number;
  threshold: number;
  details: unknown;
  status: string;
  moodfood: Record<string, unknown>;
}

export interface OriginalFeedbackMetrics {
  timestamp: string;
  model_version: string | null;
  total_feedback: number;
  positive_feedback: number;
  negative_feedback: number;
  neutral_feedback: number;
  positive_ratio: number;
  average_rating: number;
  feedback_trend: "improving" | "declining" | "stable" | "insufficient_data";
  moodfood: Record<string, unknown>;
}

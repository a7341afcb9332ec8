import type { BufferSourceRow } from "../../src/store/feedback-queries.js";

let n = 0;

/** A positive explicit feedback row on an ok trace that answered `answered`, as the buffer reads it. */
export function bufferRow(query: string, answered: string[], over: Partial<BufferSourceRow> = {}): BufferSourceRow {
  n++;
  return {
    feedback_id: `f${n}`,
    trace_id: `t${n}`,
    created_at: n,
    type: "explicit",
    rating: 5,
    signal: null,
    sentiment: "positive",
    labels: null,
    user_id: null,
    session_id: null,
    query,
    trace_labels: JSON.stringify(answered),
    trace_status: "ok",
    ...over,
  };
}

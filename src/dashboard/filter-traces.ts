import type { RecentTrace } from "../overview/dashboard-snapshot.js";

/**
 * Whether a trace matches the `/` filter: every word must match. `status:error` and
 * `decision:ml_only` (a prefix is enough) look at one field; a bare word matches the decision,
 * the status, the start of the id or any part of the query, case-insensitively.
 */
export function matchesFilter(trace: RecentTrace, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => {
    const [field, value] = word.includes(":") ? (word.split(":", 2) as [string, string]) : [undefined, word];
    const decision = (trace.decision ?? "").toLowerCase();
    if (field === "status") return trace.status.startsWith(value);
    if (field === "decision") return decision.startsWith(value);
    return decision === word || trace.status === word || trace.traceId.startsWith(word) || trace.query.toLowerCase().includes(word);
  });
}

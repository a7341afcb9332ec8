import { UsageError, UserError } from "../errors.js";
import type { TraceRecord } from "../records/trace.js";
import type { Store } from "../store/store.js";

export const MIN_PREFIX = 6;

/** Finds a trace by full id or unique prefix (≥ 6 hex chars, like git). */
export async function findTrace(store: Store, idOrPrefix: string): Promise<TraceRecord> {
  const id = idOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f]+$/.test(id) || id.length > 32) {
    throw new UsageError("invalid_trace_id", `"${idOrPrefix}" is not a trace id: expected up to 32 hex characters.`);
  }
  if (id.length < MIN_PREFIX) {
    throw new UsageError("prefix_too_short", `A trace id prefix needs at least ${MIN_PREFIX} characters; "${id}" has ${id.length}.`);
  }
  const matches =
    id.length === 32 ? [await store.traces.get(id)].filter((t): t is TraceRecord => !!t) : await store.traces.findByPrefix(id, 10);
  const [first] = matches;
  if (!first) throw new UserError("trace_not_found", `No trace with id ${id === idOrPrefix ? id : `"${idOrPrefix}"`} in this store.`);
  if (matches.length > 1) {
    const list = matches.map((t) => `  ${t.trace_id}  ${new Date(t.started_at).toISOString()}`).join("\n");
    throw new UserError("ambiguous_trace_id", `Trace prefix ${id} is ambiguous; candidates:\n${list}`);
  }
  return first;
}

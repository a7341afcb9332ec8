import { hash32 } from "../hashing.js";

/**
 * The span id of stage `name` in a trace: a well-mixed 64-bit hash of the (random) trace id and the
 * name, so the store need not keep span ids it can recompute (decision 0002). Unique within a trace
 * as long as stage names are, which the pipeline's are.
 */
export function stageSpanId(traceId: string, name: string): string {
  const key = `${traceId}/${name}`;
  const hex = hash32(key, 0x811c9dc5).toString(16).padStart(8, "0") + hash32(key, 0x2545f491).toString(16).padStart(8, "0");
  return /^0+$/.test(hex) ? "0000000000000001" : hex;
}

/**
 * The one timestamp format of human output: ISO 8601 UTC to the second ("2026-11-20T12:00:00Z"),
 * so a time read off the screen can be pasted into --since, --until or `drift baseline set`.
 */
export function timestamp(at: number | string | null | undefined): string {
  if (at === null || at === undefined) return "-";
  const ms = typeof at === "number" ? at : Date.parse(at);
  if (Number.isNaN(ms)) return String(at);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

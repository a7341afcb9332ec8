const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * ISO 8601 to epoch ms, keeping sub-millisecond digits as a fraction. A time without a zone is UTC: the
 * original system wrote `datetime.utcnow().isoformat()`, and Date.parse would read it as local time.
 */
export function parseTimestamp(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const base = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 April over into May: reject dates that do not exist.
  if (new Date(base).getUTCDate() !== day) return undefined;
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  return base + fraction - zoneOffsetMs(m[8]);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === "Z") return 0;
  const digits = zone.replace(":", "");
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0);
  return (zone.startsWith("-") ? -1 : 1) * minutes * 60_000;
}

/** Our timestamps at the edges: ISO 8601 UTC with Z (DESIGN §4). */
export const isoTime = (ms: number): string => new Date(ms).toISOString();

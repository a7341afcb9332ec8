// Days and weeks in an IANA zone through Intl (full ICU ships with Node 20): no date library needed.

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when `zone` is an IANA zone name this Node knows ("UTC", "Europe/Paris", "Asia/Kolkata"). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at instant `ms`, in ms (Asia/Kolkata: 19,800,000). */
export function offsetAt(ms: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return local - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The zone's civil day (days since 1970-01-01) holding instant `ms`. */
export function localDay(ms: number, zone: string): number {
  return Math.floor((ms + offsetAt(ms, zone)) / DAY_MS);
}

/**
 * The instant local midnight begins civil day `day` in `zone`. Where a DST change skips midnight
 * the day begins at the first instant after the gap.
 */
export function dayStart(day: number, zone: string): number {
  const local = day * DAY_MS;
  const guess = local - offsetAt(local, zone);
  const start = local - offsetAt(guess, zone);
  return localDay(start, zone) === day ? start : guess;
}

/** "2026-01-05" for a civil day. */
export const civilDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Monday = 1 … Sunday = 7 for a civil day. */
export const isoWeekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

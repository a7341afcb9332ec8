import { stripControlCharacters } from "../../pipeline/sanitize.js";

/** User text bound for a terminal: no escape sequences (no terminal injection via queries or comments). */
export const safeText = (text: string): string => stripControlCharacters(text);

export const truncate = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;

/** A query too long to read whole: its start, then how long it really is (--json has all of it). */
export function shortQuery(text: string, width: number): string {
  const clean = safeText(text);
  if (clean.length <= width) return clean;
  return `${clean.slice(0, width - 1)}… (${text.length.toLocaleString("en-US")} characters; --json shows all)`;
}

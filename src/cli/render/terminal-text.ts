import { stripControlCharacters } from "../../pipeline/sanitize.js";

/** User text bound for a terminal: no escape sequences (no terminal injection via queries or comments). */
export const safeText = (text: string): string => stripControlCharacters(text);

export const truncate = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;

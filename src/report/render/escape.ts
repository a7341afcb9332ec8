import { plain } from "./format.js";

/**
 * User and stored text inside Markdown, never at the start of a line: HTML-significant characters as entities
 * (renderers pass raw HTML through) and inline Markdown punctuation backslash-escaped, so a query cannot add
 * links, images, code, emphasis or table cells.
 */
export function escapeMarkdown(text: string): string {
  return plain(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~]/g, "\\$&");
}

/** Text inside HTML element content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return plain(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

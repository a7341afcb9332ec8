// Terminal escape sequences first (so their parameters go too), then any remaining control characters.
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]|\u001b[@-_]?/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Removes C0/C1 controls, escape sequences and bidi overrides; folds whitespace. */
export function stripControlCharacters(text: string): string {
  return text
    .replace(/[\t\n\r\v\f]+/g, " ")
    .replace(ESCAPE_SEQUENCES, "")
    .replace(CONTROL, "")
    .replace(/\s+/g, " ")
    .trim();
}

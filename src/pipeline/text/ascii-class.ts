// Character tests for ASCII text, written out: a regex costs a compile (and a second one once run twice) per process.

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isLower = (c: number): boolean => c >= 97 && c <= 122;
export const isAlnum = (c: number): boolean => isDigit(c) || isLower(c) || (c >= 65 && c <= 90);

/** True when every character passes `test` and there is at least one: /^[...]+$/. */
export function allOf(word: string, test: (c: number) => boolean): boolean {
  if (word === "") return false;
  for (let i = 0; i < word.length; i++) if (!test(word.charCodeAt(i))) return false;
  return true;
}

/** /^[a-z]+$/ */
export const isLowerWord = (word: string): boolean => allOf(word, isLower);
/** /^[a-z0-9]+$/ */
export const isLowerAlnumWord = (word: string): boolean => allOf(word, (c) => isLower(c) || isDigit(c));
/** /^\d+$/ */
export const isDigits = (word: string): boolean => allOf(word, isDigit);

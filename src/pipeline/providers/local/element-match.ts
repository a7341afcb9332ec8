// Whether a pattern element matches a token: used by the matcher, and by the lexicons to skip open patterns early.

import type { Token } from "../../text/tokenize.js";
import type { PatternElement } from "./lexicon.js";

export function elementMatches(element: PatternElement, token: Token): boolean {
  switch (element.kind) {
    case "word":
      return token.kind !== "punct" && token.norm === element.text;
    case "prefix":
      return token.kind === "word" && token.norm.startsWith(element.text);
    case "number":
      return token.kind === "number";
    case "gap":
      return false;
  }
}

/** False only when a pattern whose first element is `first` cannot match from this token (a gap, or none, always may). */
export function mayStartAt(first: PatternElement | undefined, token: Token): boolean {
  return first === undefined || first.kind === "gap" || elementMatches(first, token);
}

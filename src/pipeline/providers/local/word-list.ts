// Word lists written as one string (compact to read, stable under the formatter).

/** "a b c" -> ["a", "b", "c"]. */
export function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

/** "not in the mood for | no more" -> [["not", "in", "the", "mood", "for"], ["no", "more"]]. */
export function phrases(list: string): string[][] {
  return list
    .split("|")
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== "")
    .map((phrase) => phrase.split(/\s+/));
}

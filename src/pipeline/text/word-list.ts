// Word lists written as one string (compact to read, stable under the formatter).

/** "a b c" -> ["a", "b", "c"]. */
export function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

/** "not in the mood for | no more" -> [["not", "in", "the", "mood", "for"], ["no", "more"]]. */
export function phrases(list: string): string[][] {
  // Whitespace runs made single spaces once, then plain splits: a regex split per phrase builds a RegExp each time.
  return list
    .replace(/\s+/g, " ")
    .split("|")
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== "")
    .map((phrase) => phrase.split(" "));
}

/** Whether `word` is one of the whitespace-separated words of `list`, found without splitting it (checked a few times a query). */
export function listHas(list: string, word: string): boolean {
  if (word === "" || /\s/.test(word)) return false;
  for (let at = list.indexOf(word); at >= 0; at = list.indexOf(word, at + 1)) {
    const before = list[at - 1];
    const after = list[at + word.length];
    if ((before === undefined || /\s/.test(before)) && (after === undefined || /\s/.test(after))) return true;
  }
  return false;
}

// The lexicon read from a pack: a query decodes only the lines of the words it contains.
import { isLowerAlnumWord } from "../../text/ascii-class.js";
import { maxEdits } from "../../text/fuzzy.js";
import type { Token } from "../../text/tokenize.js";
import { mayStartAt } from "./element-match.js";
import type { LabelWeight, Lexicon, Pattern, PatternElement } from "./lexicon.js";
import { decodeElements, decodePattern, type LexiconPack, LINE } from "./lexicon-pack.js";

function weightsOf(byLabel: Record<string, Record<string, number>>, into: Map<string, LabelWeight[]>): void {
  for (const label of Object.keys(byLabel)) {
    const weights = byLabel[label] ?? {};
    into.set(
      label,
      Object.keys(weights).map((to) => ({ label: to, weight: weights[to] ?? 0 })),
    );
  }
}

/** The lead word of the line after the separator at `at`: its source up to the first space or ";". */
function leadAt(lines: string, at: number): string {
  const field = lines.indexOf(";", at);
  const space = lines.indexOf(" ", at);
  return lines.slice(at + 1, space >= 0 && space < field ? space : field);
}

/** The separator before the first line led by `word`, or -1: a binary search, the groups being sorted by lead word. */
function groupStart(lines: string, word: string): number {
  const end = lines.length - 1;
  let low = 0;
  let high = end;
  while (low < high) {
    const mid = lines.lastIndexOf(LINE, (low + high) >> 1);
    if (leadAt(lines, mid) < word) low = lines.indexOf(LINE, mid + 1);
    else high = mid;
  }
  return low < end && leadAt(lines, low) === word ? low : -1;
}

/** True when `word` stands alone (between spaces, a "~" or the ends) inside some line's source. */
function inSources(lines: string, word: string): boolean {
  for (let at = lines.indexOf(word); at >= 0; at = lines.indexOf(word, at + 1)) {
    const before = lines[at - 1];
    const after = lines[at + word.length];
    if (!(before === LINE || before === " " || before === "~") || !(after === " " || after === ";")) continue;
    const lineStart = lines.lastIndexOf(LINE, at);
    if (lines.indexOf(";", lineStart) >= at + word.length) return true;
  }
  return false;
}

export class PackedLexicon implements Lexicon {
  readonly implies = new Map<string, LabelWeight[]>();
  readonly whenNegated = new Map<string, LabelWeight[]>();
  readonly categories = new Map<string, string>();
  private readonly compiled = new Map<string, Pattern[]>();
  private readonly known = new Map<string, boolean>();
  private openLines: string[] | undefined;
  private openFirst: (PatternElement | undefined)[] | undefined;
  private readonly openDecoded: Pattern[] = [];

  constructor(private readonly pack: LexiconPack) {
    for (let i = 0; i < pack.labels.length; i++) this.categories.set(pack.labels[i] ?? "", pack.categories[i] ?? "");
    weightsOf(pack.implies, this.implies);
    weightsOf(pack.when_negated, this.whenNegated);
  }

  startingWith(word: string): Pattern[] {
    let patterns = this.compiled.get(word);
    if (!patterns) {
      patterns = [];
      let lines = this.pack.leads;
      let at = groupStart(lines, word);
      if (at < 0) {
        lines = this.pack.unicode_leads;
        at = groupStart(lines, word);
      }
      // Lines of one lead word are consecutive: read from the first until another word leads.
      while (at >= 0) {
        const end = lines.indexOf(LINE, at + 1);
        if (end < 0) break;
        const line = lines.slice(at + 1, end);
        const next = line[word.length];
        if (!line.startsWith(word) || (next !== " " && next !== ";")) break;
        patterns.push(decodePattern(line, this.pack));
        at = end;
      }
      this.compiled.set(word, patterns);
    }
    return patterns;
  }

  /** Open pattern i, decoded on first use. */
  private openPattern(i: number): Pattern {
    this.openLines ??= this.pack.open === "" ? [] : this.pack.open.split(LINE);
    let pattern = this.openDecoded[i];
    if (!pattern) {
      pattern = decodePattern(this.openLines[i] ?? "", this.pack);
      this.openDecoded[i] = pattern;
    }
    return pattern;
  }

  openPatterns(): Pattern[] {
    return this.pack.open_leads.map((_, i) => this.openPattern(i));
  }

  openPatternsAt(token: Token): Pattern[] {
    this.openFirst ??= this.pack.open_leads.map((lead) => decodeElements(lead)[0]);
    const patterns: Pattern[] = [];
    for (let i = 0; i < this.openFirst.length; i++) if (mayStartAt(this.openFirst[i], token)) patterns.push(this.openPattern(i));
    return patterns;
  }

  knows(word: string): boolean {
    let answer = this.known.get(word);
    if (answer === undefined) {
      answer =
        isLowerAlnumWord(word) &&
        (inSources(this.pack.leads, word) ||
          inSources(this.pack.unicode_leads, word) ||
          this.pack.open_prefixes.some((prefix) => word.startsWith(prefix)));
      this.known.set(word, answer);
    }
    return answer;
  }

  spellingCandidates(word: string): string[] {
    const slack = maxEdits(word);
    const initial = word[0];
    return this.pack.spelling_targets.filter((target) => target[0] === initial && Math.abs(target.length - word.length) <= slack);
  }
}

// The lexicon read from a pack: a query decodes only the lines of the words it contains.
import { maxEdits } from "./fuzzy.js";
import type { LabelWeight, Lexicon, Pattern } from "./lexicon.js";
import { decodePatterns, type LexiconPack } from "./lexicon-pack.js";

function weightsOf(byLabel: Record<string, Record<string, number>>, into: Map<string, LabelWeight[]>): void {
  for (const [label, weights] of Object.entries(byLabel)) into.set(label, Object.entries(weights).map(([to, weight]) => ({ label: to, weight })));
}

export class PackedLexicon implements Lexicon {
  readonly implies = new Map<string, LabelWeight[]>();
  readonly whenNegated = new Map<string, LabelWeight[]>();
  readonly categories = new Map<string, string>();
  private readonly compiled = new Map<string, Pattern[]>();
  private readonly known = new Map<string, boolean>();
  private open: Pattern[] | undefined;

  constructor(private readonly pack: LexiconPack) {
    pack.labels.forEach((name, i) => this.categories.set(name, pack.categories[i] ?? ""));
    weightsOf(pack.implies, this.implies);
    weightsOf(pack.when_negated, this.whenNegated);
  }

  startingWith(word: string): Pattern[] {
    let patterns = this.compiled.get(word);
    if (!patterns) {
      const { leads, labels } = this.pack;
      const at = leads.indexOf(`\n${word}\t`);
      patterns = at < 0 ? [] : decodePatterns(leads.slice(at + word.length + 2, leads.indexOf("\n", at + 1)), labels);
      this.compiled.set(word, patterns);
    }
    return patterns;
  }

  openPatterns(): Pattern[] {
    this.open ??= decodePatterns(this.pack.open, this.pack.labels);
    return this.open;
  }

  knows(word: string): boolean {
    let answer = this.known.get(word);
    if (answer === undefined) {
      answer =
        /^[a-z0-9]+$/.test(word) &&
        (this.pack.words.includes(`\n${word}\n`) ||
          this.openPatterns().some((p) => p.elements.some((e) => e.kind === "prefix" && word.startsWith(e.text))));
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

// The shipped taxonomy's lexicon: the precompiled pack when it matches taxonomy.json, else compiled from it.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { packagePath } from "../../../config/package-path.js";
import { parseTaxonomy } from "../../taxonomy.js";
import { CompiledLexicon } from "./compiled-lexicon.js";
import type { Lexicon } from "./lexicon.js";
import { LEXICON_PACK_FORMAT, type LexiconPack } from "./lexicon-pack.js";
import { PackedLexicon } from "./packed-lexicon.js";

export const LEXICON_PACK_FILE = "lexicon.json";

function readPack(path: string): LexiconPack | undefined {
  try {
    const pack = JSON.parse(readFileSync(path, "utf8")) as LexiconPack;
    return pack.format === LEXICON_PACK_FORMAT ? pack : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads fixtures/lexicon.json (one JSON.parse, nothing compiled up front). A pack whose recorded taxonomy size
 * differs from taxonomy.json is stale (edited taxonomy, pack not regenerated): the taxonomy is compiled instead.
 */
export function loadShippedLexicon(fixtures: string = packagePath("fixtures")): Lexicon {
  const taxonomyPath = join(fixtures, "taxonomy.json");
  const pack = readPack(join(fixtures, LEXICON_PACK_FILE));
  if (pack && pack.taxonomy_bytes === statSync(taxonomyPath).size) return new PackedLexicon(pack);
  return new CompiledLexicon(parseTaxonomy(readFileSync(taxonomyPath, "utf8")));
}

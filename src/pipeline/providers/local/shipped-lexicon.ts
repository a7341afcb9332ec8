// The shipped taxonomy's lexicon: the precompiled pack (fixtures/lexicon.pack), else compiled from taxonomy.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packagePath } from "../../../config/package-path.js";
import { parseTaxonomy } from "../../taxonomy.js";
import { CompiledLexicon } from "./compiled-lexicon.js";
import type { Lexicon } from "./lexicon.js";
import { type LexiconPack, parsePack } from "./lexicon-pack.js";
import { PackedLexicon } from "./packed-lexicon.js";

export const LEXICON_PACK_FILE = "lexicon.pack";

function readPack(path: string): LexiconPack | undefined {
  try {
    return parsePack(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Reads fixtures/lexicon.pack (one short JSON.parse, nothing compiled up front); without a readable pack, compiles
 * taxonomy.json. The pack is not checked against the taxonomy here (that would cost a hash or a stat per query):
 * test/understanding/lexicon-pack.test.ts fails while it is stale.
 */
export function loadShippedLexicon(fixtures: string = packagePath("fixtures")): Lexicon {
  const pack = readPack(join(fixtures, LEXICON_PACK_FILE));
  if (pack) return new PackedLexicon(pack);
  return new CompiledLexicon(parseTaxonomy(readFileSync(join(fixtures, "taxonomy.json"), "utf8")));
}

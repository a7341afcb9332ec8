// Writes fixtures/lexicon.pack, the shipped taxonomy's trigger lexicon precompiled for fast CLI start-up.
// Run after editing fixtures/taxonomy.json (test/understanding/lexicon-pack.test.ts fails while it is stale):
//   node scripts/precompile-lexicon.mjs
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const taxonomyPath = join(root, "fixtures", "taxonomy.json");
const out = mkdtempSync(join(tmpdir(), "mf-lexicon-"));
try {
  // The packer is TypeScript: bundle it to a temporary module and run it.
  const outfile = join(out, "pack.mjs");
  await build({
    stdin: {
      contents: [
        'export { packLexicon } from "./src/pipeline/providers/local/pack-lexicon.ts";',
        'export { serializePack } from "./src/pipeline/providers/local/lexicon-pack.ts";',
      ].join("\n"),
      resolveDir: root,
      loader: "ts",
    },
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    logLevel: "warning",
  });
  const { packLexicon, serializePack } = await import(pathToFileURL(outfile).href);
  const pack = packLexicon(readFileSync(taxonomyPath, "utf8"));
  const target = join(root, "fixtures", "lexicon.pack");
  writeFileSync(target, serializePack(pack));
  console.log(`wrote ${target} (${statSync(target).size} bytes)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}

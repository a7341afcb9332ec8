// Bundles the CLI into dist/ so Node 20 loads a few files instead of ~100 ESM modules at start.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

await build({
  entryPoints: { moodfood: "src/cli/main.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true, // lazily imported commands become their own chunks
  format: "esm",
  platform: "node",
  target: "node20",
  // Native or heavy packages stay external; commander and chalk are small and get bundled.
  external: ["better-sqlite3", "prom-client", "ink", "react", "react/*", "sentiment", "@opentelemetry/*"],
  // Bundled CommonJS (commander) calls require() for Node built-ins.
  banner: { js: "import { createRequire as __mfCreateRequire } from 'node:module'; const require = __mfCreateRequire(import.meta.url);" },
  sourcemap: "linked",
  logLevel: "warning",
  jsx: "automatic",
  define: { __MOODFOOD_VERSION__: JSON.stringify(version) },
});

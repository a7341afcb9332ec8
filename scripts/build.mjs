// Bundles the CLI into one CommonJS file, dist/moodfood.cjs (decision 0001): Node 20 starts a CJS
// entry ~13 ms faster than an ESM one and loads one file instead of dozens of modules. Commands
// imported with `await import()` stay lazy: esbuild wraps them so their code runs only when called.
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

// commander requires child_process at load (5 ms) for executable subcommands we never use.
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes("node_modules/commander") ? { path: "lazy-child-process", namespace: "moodfood-shim" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "moodfood-shim" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};

// moodfood decides colour itself (--no-color, NO_COLOR, TTY) and passes chalk a level, so chalk's
// own detection, which loads node:tty/os/net (~6 ms), is swapped for its no-op browser variant.
const chalkWithoutDetection = {
  name: "chalk-without-detection",
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (_args) => ({
      path: new URL("../node_modules/chalk/source/vendor/supports-color/browser.js", import.meta.url).pathname,
    }));
  },
};

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/moodfood.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  // Heavy packages stay external and are required only where used. better-sqlite3's JavaScript is
  // bundled (a dozen files fewer to load); its addon is loaded by path (see store/open-store.ts).
  external: ["bindings", "prom-client", "ink", "react", "react/*", "sentiment", "pg"],
  define: { __MOODFOOD_VERSION__: JSON.stringify(version), __MOODFOOD_BUNDLED__: "true", "import.meta.url": "__mf_import_meta_url" },
  banner: { js: 'const __mf_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [lazyChildProcess, chalkWithoutDetection],
  // import() becomes a lazy require(): the bin runs the bundle through vm.Script with a code cache,
  // and Node 20 loses the dynamic-import callback of a script compiled from cached data.
  // ink is ESM-only: the dashboard is a second bundle, below, that the bin's import() loads (decision 0015).
  supported: { "dynamic-import": false },
  // Whitespace and comments out (commander alone is 120 KB of JSDoc): V8 parses the whole file at start.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  sourcemap: "linked",
  logLevel: "warning",
  jsx: "automatic",
});

// ink needs devtools only when DEV=true; left in, its static import of react-devtools-core (not installed) breaks the bundle.
const withoutInkDevtools = {
  name: "without-ink-devtools",
  setup(b) {
    b.onResolve({ filter: /\/devtools\.js$/ }, (args) =>
      args.importer.includes("node_modules/ink/") ? { path: "ink-devtools", namespace: "moodfood-shim" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "moodfood-shim" }, () => ({ contents: "export default undefined;", loader: "js" }));
  },
};

// The dashboard (decision 0015): ink, react and the Ink app in one ESM file, loaded by `moodfood dashboard`
// alone. One file instead of ~500 modules takes about half a second off its first frame on Node 20.
await build({
  entryPoints: ["src/dashboard/index.ts"],
  outfile: "dist/dashboard.mjs",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // react's CommonJS files call require(); an ESM bundle needs one made for it.
  banner: { js: 'import { createRequire as __mfCreateRequire } from "node:module"; const require = __mfCreateRequire(import.meta.url);' },
  define: { "process.env.NODE_ENV": '"production"' },
  plugins: [withoutInkDevtools],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  sourcemap: "linked",
  logLevel: "warning",
  jsx: "automatic",
});

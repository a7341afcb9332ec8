import type { DashboardUi } from "../overview/dashboard-source.js";

declare const __MOODFOOD_BUNDLED__: boolean | undefined;

/** The global through which bin/moodfood.cjs lends the bundle its `import()` (decision 0015). */
export const IMPORT_ESM = Symbol.for("moodfood.importEsm");

/**
 * Loads the Ink app, dist/dashboard.mjs. Ink is ESM-only with a top-level await, so `require()`
 * cannot load it, and the CommonJS bundle has no `import()` (decision 0001): the bin, a plain
 * CommonJS file, lends its own. From the TypeScript sources (tests) the built file is imported
 * directly; either way the CLI never imports the dashboard's sources, so `query` cannot load ink.
 */
export async function loadDashboardUi(): Promise<DashboardUi> {
  // Ink renders only a last frame when CI is set (is-in-ci, read once at import). The dashboard runs only on a
  // terminal a person is looking at, so a CI variable inherited from the shell must not freeze it.
  for (const name of ["CI", "CONTINUOUS_INTEGRATION"]) delete process.env[name];
  const bundled = typeof __MOODFOOD_BUNDLED__ === "boolean";
  const url = new URL(bundled ? "./dashboard.mjs" : "../../dist/dashboard.mjs", import.meta.url).href;
  const importEsm = (globalThis as Record<symbol, ((specifier: string) => Promise<unknown>) | undefined>)[IMPORT_ESM];
  if (bundled && !importEsm) throw new Error("the dashboard needs bin/moodfood.cjs, which loads its ESM bundle");
  return (await (importEsm ? importEsm(url) : import(url))) as DashboardUi;
}

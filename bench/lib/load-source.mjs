// Benchmarks import TypeScript sources in process: bundle one entry with esbuild into bench/.out and import it.
import { mkdirSync } from "node:fs";
import { basename } from "node:path";
import { build } from "esbuild";

const root = new URL("../../", import.meta.url).pathname;

export async function loadSource(entry) {
  const outdir = `${root}bench/.out/modules`;
  mkdirSync(outdir, { recursive: true });
  const outfile = `${outdir}/${basename(entry).replace(/\.ts$/, "")}.mjs`;
  await build({
    entryPoints: [`${root}${entry}`],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return import(`${outfile}?t=${Date.now()}`);
}

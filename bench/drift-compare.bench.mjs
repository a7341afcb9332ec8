// `drift compare` of 1,000,000 vs 1,000,000 scores (all statistics, whole process) vs a Python
// process doing scipy's ks_2samp alone on the same files, side by side (DESIGN §14).
// Flags: --bundle times an esbuild bundle of src/drift/compare.ts instead of bin/moodfood.cjs
// (used before the CLI is built); --runs N (default 7). Env PYTHON picks the interpreter.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { compareProcesses, printComparison } from "./lib/timing.mjs";

const root = new URL("../", import.meta.url).pathname;
const outDir = `${root}bench/.out/drift-compare`;
const N = 1_000_000;
const python = process.env.PYTHON ?? "python3";
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;

/** mulberry32: small, seeded, good enough for benchmark data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Confidence-like scores in (0, 1): Kumaraswamy(a, b) by its inverse CDF, full double precision. */
function writeScores(path, seed, a, b) {
  if (existsSync(path)) return;
  const next = rng(seed);
  const lines = new Array(N);
  for (let i = 0; i < N; i++) {
    const u = (Math.floor(next() * 2 ** 26) * 2 ** 27 + Math.floor(next() * 2 ** 27) + 0.5) / 2 ** 53;
    lines[i] = String((1 - (1 - u) ** (1 / b)) ** (1 / a));
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

mkdirSync(outDir, { recursive: true });
const baseline = `${outDir}/baseline.txt`;
const same = `${outDir}/current-same.txt`;
const drifted = `${outDir}/current-drifted.txt`;
writeScores(baseline, 1, 5, 2);
writeScores(same, 2, 5, 2);
writeScores(drifted, 3, 4.975, 2);

async function bundleCompare() {
  const outfile = `${outDir}/drift-compare-bundle.mjs`;
  await build({
    stdin: {
      contents: `import { runDriftCompare } from "./src/drift/compare.ts";
const [baselinePath, currentPath] = process.argv.slice(2);
process.stdout.write(JSON.stringify(await runDriftCompare({ baselinePath, currentPath })) + "\\n");`,
      resolveDir: root,
      loader: "ts",
    },
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
  return outfile;
}

const useBundle = process.argv.includes("--bundle") || !existsSync(`${root}dist/moodfood.cjs`);
const bundle = useBundle ? await bundleCompare() : "";
const nodeEntry = useBundle
  ? ["drift compare (esbuild bundle of src/drift/compare.ts)", (a, b) => [bundle, a, b]]
  : ["moodfood drift compare --json", (a, b) => [`${root}bin/moodfood.cjs`, "drift", "compare", a, b, "--json"]];
if (useBundle) console.log("\n(timing an esbuild bundle of src/drift/compare.ts, not bin/moodfood.cjs)");

function runJson(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

for (const [name, current] of [
  ["no drift", same],
  ["mild drift", drifted],
]) {
  const [label, nodeArgs] = nodeEntry;
  const pythonArgs = [`${root}bench/scipy_ks.py`, baseline, current];
  const py = runJson(python, pythonArgs);
  const ours = runJson(process.execPath, nodeArgs(baseline, current));
  const pRel = Math.abs(ours.ks.pvalue - py.pvalue) / Math.max(py.pvalue, Number.MIN_VALUE);
  console.log(
    `\n${name}: scipy ${py.scipy} D=${py.statistic} p=${py.pvalue}; moodfood D=${ours.ks.statistic} p=${ours.ks.pvalue} (${ours.ks.method}), p relative difference ${pRel.toExponential(2)}`,
  );
  const results = compareProcesses(
    [
      [`python3 scipy_ks.py (ks_2samp only)`, python, pythonArgs],
      [label, process.execPath, nodeArgs(baseline, current)],
    ],
    { runs, warmup: 1 },
  );
  printComparison(`drift compare 1M vs 1M, ${name}: whole process vs scipy ks_2samp alone`, results, 1);
}

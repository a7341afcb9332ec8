// Runs every bench/*.bench.mjs (or those whose name contains argv[2]) one after another.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const dir = new URL(".", import.meta.url).pathname;
const filter = process.argv[2] ?? "";
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.mjs") && f.includes(filter))
  .sort();
console.log(`moodfood benchmarks (${new Date().toISOString()}, node ${process.version}); medians, ratios vs a baseline run side by side`);
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, [dir + file], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;

// Side-by-side timing: commands run alternately so machine noise hits both alike; medians reported.
import { spawnSync } from "node:child_process";

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time of one whole process, in ms; throws if it fails. */
export function timeProcess(cmd, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"], ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** Runs each [label, cmd, args] alternately `runs` times after `warmup` rounds; returns medians. */
export function compareProcesses(entries, { runs = 21, warmup = 3, options } = {}) {
  const times = entries.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    entries.forEach(([, cmd, args], i) => {
      const ms = timeProcess(cmd, args, options);
      if (round >= warmup) times[i].push(ms);
    });
  }
  return entries.map(([label], i) => ({ label, median: median(times[i]), runs }));
}

export function printComparison(title, results, budget) {
  const [base, ...rest] = results;
  console.log(`\n## ${title}`);
  console.log(`  ${base.label.padEnd(40)} median ${base.median.toFixed(1)} ms`);
  for (const r of rest) {
    const ratio = r.median / base.median;
    const verdict = budget ? (ratio <= budget ? `ok (budget ${budget}x)` : `OVER budget ${budget}x`) : "";
    console.log(`  ${r.label.padEnd(40)} median ${r.median.toFixed(1)} ms  ratio ${ratio.toFixed(2)}x ${verdict}`);
  }
}

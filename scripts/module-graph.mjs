// Prints the module graph of src/ (a module is a top-level folder or file of src/) and any cycle in it.
// Type-only imports count: a cycle through types is still a cycle for whoever reads the code.
// Usage: node scripts/module-graph.mjs [--why]   (exit 1 when there is a cycle)
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

const root = new URL("../src/", import.meta.url).pathname;
const moduleOf = (file) => file.split("/")[0].replace(/\.tsx?$/, "");

export function moduleGraph() {
  const edges = new Map();
  const reasons = new Map();
  const files = readdirSync(root, { recursive: true }).filter((f) => /\.tsx?$/.test(f));
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    for (const [, spec] of text.matchAll(/(?:from|import\()\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = normalize(join(dirname(file), spec));
      const [from, to] = [moduleOf(file), moduleOf(target)];
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from).add(to);
      const key = `${from} -> ${to}`;
      reasons.set(key, [...(reasons.get(key) ?? []), `${file} -> ${target}`]);
    }
  }
  return { edges, reasons, cycles: stronglyConnected(edges) };
}

/** Tarjan's algorithm: components of more than one module are cycles. */
function stronglyConnected(edges) {
  let next = 0;
  const stack = [];
  const index = new Map();
  const low = new Map();
  const cycles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { edges, reasons, cycles } = moduleGraph();
  for (const [from, to] of [...edges].sort()) console.log(`${from} -> ${[...to].sort().join(", ")}`);
  for (const cycle of cycles) {
    console.log(`cycle: ${cycle.join(" ⇄ ")}`);
    if (process.argv.includes("--why"))
      for (const [key, list] of reasons) {
        const [a, b] = key.split(" -> ");
        if (cycle.includes(a) && cycle.includes(b)) console.log(`  ${key}: ${list.join("; ")}`);
      }
  }
  process.exitCode = cycles.length ? 1 : 0;
}

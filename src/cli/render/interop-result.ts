import { relative } from "node:path";
import type { ExportResult } from "../../interop/export-jsonl.js";
import type { ImportResult } from "../../interop/import-jsonl.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { safeText } from "./terminal-text.js";

const count = (n: number) => n.toLocaleString("en-US");
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);
const shown = (path: string) => safeText(relative(process.cwd(), path) || path);

export function renderExport(result: ExportResult, ctx: CliContext): string {
  const p = paint(ctx.color);
  const rows = result.files.map((f) => `  ${f.kind.padEnd(17)} ${count(f.lines).padStart(10)} lines  ${p.dim(size(f.bytes))}`);
  return `${p.bold("Exported")} to ${shown(result.out)}\n${rows.join("\n")}\n`;
}

export function renderImport(result: ImportResult, ctx: CliContext): string {
  const p = paint(ctx.color);
  const lines = result.files.map((f) => {
    const name = shown(f.path);
    if (f.kind === "feedback_metrics") return `  ${name}: ${count(f.derived)} summaries checked, not stored (recomputed from the feedback)`;
    const kind = f.kind ?? "nothing recognisable";
    const duplicates = f.duplicates > 0 ? p.dim(`, ${count(f.duplicates)} already present`) : "";
    const skipped = f.skipped > 0 ? p.yellow(`, ${count(f.skipped)} skipped`) : "";
    return `  ${name} (${kind}): ${p.green(`${count(f.imported)} imported`)}${duplicates}${skipped}`;
  });
  const out = [p.bold("Import"), ...lines];
  if (result.skipped > 0) {
    out.push("", p.yellow(`${count(result.skipped)} line(s) skipped:`));
    for (const e of result.errors) out.push(`  ${shown(e.file)}:${e.line}: ${safeText(e.message)}`);
    if (result.errors.length < result.skipped) out.push(p.dim(`  … and ${count(result.skipped - result.errors.length)} more`));
  }
  return `${out.join("\n")}\n`;
}

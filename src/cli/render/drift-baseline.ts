import type { BaselineView } from "../drift-runner.js";
import { timestamp } from "./timestamp.js";

export function renderBaselineSet({ pinned }: BaselineView): string {
  if (!pinned) return "No baseline pinned.\n";
  return `Drift checks now compare against ${timestamp(pinned.from)} .. ${timestamp(pinned.to)} (${pinned.traces} traces).\n`;
}

export function renderBaselineShow({ pinned, model_version }: BaselineView): string {
  if (!pinned) return "No baseline pinned: drift checks compare each window with the one just before it.\n";
  return `Pinned baseline ${timestamp(pinned.from)} .. ${timestamp(pinned.to)}: ${pinned.traces} traces of model ${model_version}; pinned ${timestamp(pinned.pinned_at)}.\n`;
}

export function renderBaselineClear({ cleared }: { cleared: boolean }): string {
  return cleared
    ? "Baseline unpinned: drift checks compare each window with the one just before it.\n"
    : "No baseline was pinned; nothing to clear.\n";
}

import type { Severity } from "./severity.js";
import type { SignalResult } from "./signals.js";

const list = (words: string[]) => (words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`);

/** The check's one-paragraph verdict; it always agrees with the overall severity it sits under. */
export function summariseSignals(severity: Severity, signals: SignalResult[]): string {
  const checked = signals.filter((s) => s.status === "ok");
  const unchecked = signals.filter((s) => s.status !== "ok").map((s) => s.type);
  const missing = unchecked.length ? ` Not enough data to compare ${list(unchecked)}.` : "";
  if (severity === "none") return `No drift in ${list(checked.map((s) => s.type))}.${missing}`;
  if (severity === "low") {
    const low = checked.filter((s) => s.severity === "low").map((s) => s.explanation);
    return `Low drift only, below the alert level: ${low.join(" ")}${missing}`;
  }
  return (
    checked
      .filter((s) => s.severity !== "none" && s.severity !== "low")
      .map((s) => s.explanation)
      .join(" ") + missing
  );
}

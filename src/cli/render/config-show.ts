import type { ConfigShowResult, ShownSetting } from "../commands/config.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { safeText, truncate } from "./terminal-text.js";

/** One line a setting: name, effective value, where it came from. */
export function renderConfigShow(result: ConfigShowResult, ctx: CliContext): string {
  const p = paint(ctx.color);
  const names = result.settings.map((s) => s.env[0] ?? s.key);
  const values = result.settings.map(valueText);
  const nameWidth = Math.max(...names.map((n) => n.length));
  const valueWidth = Math.min(48, Math.max(...values.map((v) => v.length)));
  const lines = [
    `${p.bold("Configuration")} (${result.precedence}; config file: ${result.config_file === null ? "none" : safeText(result.config_file)})`,
    "",
    ...result.settings.map((s, i) => {
      const value = truncate(values[i] as string, valueWidth).padEnd(valueWidth);
      return `${(names[i] as string).padEnd(nameWidth)}  ${value}  ${p.dim(origin(s))}`;
    }),
  ];
  return `${lines.join("\n")}\n`;
}

function valueText(setting: ShownSetting): string {
  if (setting.value === "") return "(empty)";
  return safeText(String(setting.value));
}

function origin(setting: ShownSetting): string {
  switch (setting.origin) {
    case "flag":
      return `flag ${setting.from}`;
    case "env":
      return `env ${setting.from}`;
    case "file":
      return `moodfood.config.json "${setting.key}"`;
    default:
      return "default";
  }
}

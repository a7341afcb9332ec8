import type { Command } from "commander";
import { type ExplainedSetting, explainConfig, type SettingOrigin } from "../../config/load-config.js";
import { parseDatabaseUrl } from "../../store/postgres/connection-url.js";
import { printResult } from "../output.js";
import type { ContextFactory } from "./index.js";

export interface ShownSetting {
  key: string;
  /** The effective value; a secret is masked (last four characters at most, or "set" / "not set"). */
  value: unknown;
  origin: SettingOrigin;
  from: string;
  env: string[];
  secret: boolean;
}

export interface ConfigShowResult {
  precedence: string;
  /** moodfood.config.json in the working directory, or null when there is none. */
  config_file: string | null;
  settings: ShownSetting[];
}

export function registerConfig(program: Command, context: ContextFactory): void {
  const config = program.command("config").description("moodfood's settings");
  config
    .command("show")
    .description("print every setting, its effective value and where it came from (flag, environment, moodfood.config.json, default)")
    .option("--json", "print the settings as one JSON object")
    .addHelpText(
      "after",
      "\nSecrets (API keys, tokens) are masked.\nExamples:\n  $ moodfood config show\n  $ moodfood config show --json\n",
    )
    .action(async (_options: unknown, command: Command) => {
      const ctx = context(command);
      const { dataDir } = command.optsWithGlobals() as { dataDir?: string };
      const result = runConfigShow({ flags: dataDir !== undefined ? { dataDir } : {}, env: process.env, cwd: process.cwd() });
      const { renderConfigShow } = await import("../render/config-show.js");
      printResult(ctx, result, renderConfigShow);
    });
}

export function runConfigShow(sources: Parameters<typeof explainConfig>[0]): ConfigShowResult {
  const { configFile, settings } = explainConfig(sources);
  return {
    precedence: "flag > environment > moodfood.config.json > default",
    config_file: configFile,
    settings: settings.map(show),
  };
}

/** Not marked secret in the table, but a Slack or Discord webhook URL is itself the credential. */
const CREDENTIAL_URLS = new Set<string>(["alertWebhook"]);

function show(setting: ExplainedSetting): ShownSetting {
  const { key, value, origin, from, env, secret } = setting;
  const shown =
    key === "databaseUrl" && value
      ? databaseUrlShown(String(value))
      : secret
        ? maskSecret(String(value))
        : typeof value === "string"
          ? maskUrl(value, CREDENTIAL_URLS.has(key))
          : value;
  return { key, value: shown, origin, from, env, secret };
}

/** The database URL as errors show it: user, host, port, database and schema, never the password. */
function databaseUrlShown(value: string): string {
  try {
    return parseDatabaseUrl(value).display;
  } catch {
    return "set (not a valid URL)";
  }
}

/** A URL without user:password; with `pathIsSecret`, without its path either. Anything else unchanged. */
function maskUrl(value: string, pathIsSecret: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  if (!/^https?:$/.test(url.protocol)) return value;
  const user = url.username || url.password ? "…@" : "";
  const path = pathIsSecret && url.pathname.length > 1 ? "/…" : value.slice(value.indexOf(url.host) + url.host.length);
  return `${url.protocol}//${user}${url.host}${path}`;
}

/** "sk-…abcd" for a long key (a vendor prefix and the last four), "set" for a short one, "not set" for none. */
export function maskSecret(secret: string): string {
  const value = secret.trim();
  if (value === "") return "not set";
  if (value.length < 16) return "set";
  const prefix = /^[a-z]{2,4}-/i.exec(value)?.[0] ?? "";
  return `${prefix}…${value.slice(-4)}`;
}

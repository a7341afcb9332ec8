import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { readBoundedFile } from "../read-bounded-file.js";
import { type Config, SETTINGS, type Setting } from "./settings.js";

export const CONFIG_FILE = "moodfood.config.json";

export interface ConfigSources {
  /** Values from command-line flags (highest precedence). */
  flags?: Partial<Config>;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** flags > environment > moodfood.config.json > defaults; an invalid value names its source. */
export function loadConfig({ flags = {}, env = process.env, cwd = process.cwd() }: ConfigSources = {}): Config {
  const file = readConfigFile(cwd);
  const config: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(SETTINGS) as [keyof Config, Setting<unknown>][]) {
    config[key] = resolveSetting(setting, flags[key], env, file[key]);
  }
  const resolved = config as Config;
  resolved.dataDir = resolve(cwd, resolved.dataDir);
  return resolved;
}

function resolveSetting(setting: Setting<unknown>, flag: unknown, env: NodeJS.ProcessEnv, fromFile: unknown): unknown {
  if (flag !== undefined) return flag;
  for (const name of setting.env) {
    const raw = env[name];
    if (raw === undefined) continue;
    const value = setting.parse(raw);
    if (value === undefined) {
      // A secret (an API key, a database URL with its password) is never repeated back.
      const shown = setting.secret ? "" : `="${raw}"`;
      throw new UsageError("invalid_config", `Environment variable ${name}${shown} is invalid: expected ${setting.expects}.`);
    }
    return value;
  }
  if (fromFile !== undefined) {
    const value = setting.parse(String(fromFile));
    if (value === undefined) {
      throw new UsageError("invalid_config", `${CONFIG_FILE}: "${setting.key}" is invalid: expected ${setting.expects}.`);
    }
    return value;
  }
  return setting.fallback;
}

function readConfigFile(cwd: string): Record<string, unknown> {
  const path = join(cwd, CONFIG_FILE);
  if (!existsSync(path)) return {};
  try {
    // Bounded: a config file is a few lines, and a FIFO or device in its place must not take the machine's memory.
    const parsed: unknown = JSON.parse(readBoundedFile(path, 1 << 20).toString("utf8"));
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the one-line error below
  }
  throw new UsageError("invalid_config", `${path} is not a JSON object; fix or remove it.`);
}

/** Where a setting's effective value came from, in precedence order. */
export type SettingOrigin = "flag" | "env" | "file" | "default";

export interface ExplainedSetting {
  key: keyof Config;
  value: unknown;
  origin: SettingOrigin;
  /** The flag, environment variable or file that supplied the value ("default" for none). */
  from: string;
  env: string[];
  secret: boolean;
}

/**
 * loadConfig's values (the same function, so the same validation and errors) with the source of each:
 * for `config show`.
 */
export function explainConfig(sources: ConfigSources = {}): { config: Config; configFile: string | null; settings: ExplainedSetting[] } {
  const { flags = {}, env = process.env, cwd = process.cwd() } = sources;
  const config = loadConfig(sources);
  const file = readConfigFile(cwd);
  const path = join(cwd, CONFIG_FILE);
  const settings = (Object.entries(SETTINGS) as [keyof Config, Setting<unknown>][]).map(([key, setting]): ExplainedSetting => {
    const base = { key, value: config[key], env: setting.env, secret: setting.secret === true };
    if (flags[key] !== undefined) return { ...base, origin: "flag", from: `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` };
    const name = setting.env.find((n) => env[n] !== undefined);
    if (name !== undefined) return { ...base, origin: "env", from: name };
    if (file[key] !== undefined) return { ...base, origin: "file", from: path };
    return { ...base, origin: "default", from: "default" };
  });
  return { config, configFile: existsSync(path) ? path : null, settings };
}

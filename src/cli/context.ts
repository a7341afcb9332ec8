import { loadConfig } from "../config/load-config.js";
import { type Config, SETTINGS } from "../config/settings.js";
import { UsageError } from "../errors.js";

/** What every command gets: resolved config and how to print. */
export interface CliContext {
  config: Config;
  json: boolean;
  color: boolean;
  /** Whether stdout is a terminal (the dashboard refuses anything else). */
  isTTY: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
  json?: boolean;
  color?: boolean;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY: boolean;
}

export function createContext(globals: GlobalOptions, io: CliIo): CliContext {
  if (globals.dataDir !== undefined && globals.dataDir.trim() === "")
    throw new UsageError("invalid_data_dir", "--data-dir is empty; give a directory, e.g. --data-dir ./logs.");
  if (globals.databaseUrl !== undefined && SETTINGS.databaseUrl.parse(globals.databaseUrl) === undefined)
    throw new UsageError("invalid_database_url", `--database-url expects ${SETTINGS.databaseUrl.expects}.`);
  const flags = {
    ...(globals.dataDir !== undefined && { dataDir: globals.dataDir }),
    ...(globals.databaseUrl !== undefined && { databaseUrl: globals.databaseUrl.trim() }),
  };
  const config = loadConfig({ flags, env: io.env, cwd: io.cwd });
  // chalk 5 ignores NO_COLOR, so honour it here together with --no-color and pipes.
  const color = globals.color !== false && !("NO_COLOR" in io.env) && io.isTTY && !globals.json;
  return { config, json: globals.json === true, color, isTTY: io.isTTY, stdout: io.stdout, stderr: io.stderr };
}

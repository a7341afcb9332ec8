import { expect } from "vitest";
import { freePort } from "../health/helpers.js";
import { moodfood, tempDataDir } from "./cli.js";

// Nothing listens on this port: "no server" for a CLI-only user.
const port = String(await freePort());
export const env = { PROMETHEUS_PORT: port };

/** `moodfood health` on a data dir, as a user runs it. */
export const health = (dir: string, ...args: string[]) => moodfood(["--data-dir", dir, "health", ...args], { env });

/** The output line of one check, e.g. "metrics_server:reachable". */
export const lineOf = (stdout: string, key: string) => stdout.split("\n").find((l) => l.includes(` ${key} `)) ?? "";

/** A new data dir that has answered one query. */
export function queried(): string {
  const dir = tempDataDir();
  expect(moodfood(["--data-dir", dir, "query", "I'm sad"], { env }).status).toBe(0);
  return dir;
}

import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { backendEnv } from "../support/test-store.js";
import { BIN } from "./cli.js";

/** The built bin's `metrics serve` on a free port, on the test project's backend; `children` keeps it for killing after the test. */
export async function serveBin(
  dataDir: string,
  children: ChildProcess[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string }> {
  const args = ["--data-dir", dataDir, "metrics", "serve", "--port", "0", "--json"];
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...backendEnv(args, env), ...env },
  });
  children.push(child);
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

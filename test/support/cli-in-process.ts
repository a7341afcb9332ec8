import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/run-cli.js";
import { backendEnv } from "./test-store.js";

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "mf-cli-"));

/** The whole CLI in process, as a user would call it, with stdout and stderr captured. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = "";
  let stderr = "";
  const status = await runCli(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { NO_COLOR: "1", ...backendEnv(args, env), ...env },
    cwd: tmpdir(),
    isTTY: false,
  });
  return { status, stdout, stderr };
}

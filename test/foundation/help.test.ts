import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";

const COMMANDS = [
  "query",
  "trace",
  "trace list",
  "prune",
  "simulate",
  "demo",
  "drift",
  "drift compare",
  "drift check",
  "drift watch",
  "drift alerts",
  "drift ack",
  "drift baseline",
  "drift baseline set",
  "drift baseline show",
  "drift baseline clear",
  "metrics",
  "metrics serve",
  "metrics show",
  "train",
  "models",
  "models list",
  "models promote",
  "models rollback",
  "eval",
  "export",
  "export jsonl",
  "import",
];

async function help(words: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t), env: {}, cwd: process.cwd(), isTTY: false };
  const code = await runCli([...words, "--help"], io);
  return { code, out };
}

describe("help", () => {
  it("lists every command group at the top level", async () => {
    const { code, out } = await help([]);
    expect(code).toBe(0);
    for (const word of ["query", "trace", "simulate", "demo", "drift", "metrics", "train", "models", "eval", "export", "import", "prune"]) {
      expect(out).toMatch(new RegExp(`^  ${word}\\b`, "m"));
    }
  });

  it.each(COMMANDS)("`%s --help` exits 0 and shows an example", async (command) => {
    const { code, out } = await help(command.split(" "));
    expect(code).toBe(0);
    expect(out).toMatch(/Examples?:\n\s+\$ moodfood /);
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../support/cli-in-process.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "mf-truth-"));
const ISO_SECONDS = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\b/;

describe("unknown commands and usage errors", () => {
  it.each([
    [["serve"], "Unknown command 'serve'. Did you mean metrics serve?"],
    [["querry"], "Unknown command 'querry'. Did you mean query?"],
    [["drift", "chek"], "Unknown command 'drift chek'. Did you mean drift check?"],
    [["healht"], "Unknown command 'healht'. Did you mean health?"],
    [["frobnicate"], "Unknown command 'frobnicate'. See moodfood --help."],
  ])("%j exits 2 with code unknown_command and one line", async (args, message) => {
    const run = await cli(["--data-dir", tempDir(), "--json", ...args]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stderr)).toEqual({ error: { code: "unknown_command", message } });
    const human = await cli(["--data-dir", tempDir(), ...args]);
    expect(human.status).toBe(2);
    expect(human.stderr).toBe(`moodfood: ${message}\n`);
  });

  it.each([
    [["trace", "list", "--bogus"], "unknown_option"],
    [["trace", "list", "--limit", "x"], "invalid_argument"],
    [["drift", "compare", "only-one-file"], "missing_argument"],
  ])("%j reports our own error code %s, not commander's", async (args, code) => {
    const run = await cli(["--data-dir", tempDir(), "--json", ...args]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stderr).error.code).toBe(code);
  });
});

describe("trace list and trace view tell the truth about what they show", () => {
  it("an empty store, and filters that match nothing in a full one, are told apart", async () => {
    const dir = tempDir();
    expect((await cli(["--data-dir", dir, "trace", "list"])).stdout).toMatch(/^No traces yet/);
    expect((await cli(["--data-dir", dir, "query", "I'm sad and it's freezing"])).status).toBe(0);
    const filtered = await cli(["--data-dir", dir, "trace", "list", "--status", "error"]);
    expect(filtered.stdout).not.toMatch(/No traces yet/);
    expect(filtered.stdout).toMatch(/^No traces match these filters/);
  }, 30_000);

  it("shortens a 9,000-character query in human views, keeps it whole in JSON, and prints one timestamp format", async () => {
    const dir = tempDir();
    const long = "sad ".repeat(2_250); // under the 10,000-character limit, so stored whole
    await cli(["--data-dir", dir, "query", long]);
    const list = await cli(["--data-dir", dir, "trace", "list"]);
    const row = list.stdout.split("\n")[1] as string;
    expect(row.length).toBeLessThan(150);
    expect(row).toMatch(ISO_SECONDS);
    const json = JSON.parse((await cli(["--data-dir", dir, "--json", "trace", "list"])).stdout);
    const trace = json.traces[0];
    const view = await cli(["--data-dir", dir, "trace", trace.trace_id]);
    const queryLine = view.stdout.split("\n").find((l) => l.startsWith("query")) as string;
    expect(queryLine.length).toBeLessThan(400);
    expect(queryLine).toMatch(new RegExp(`… \\(${trace.query.length.toLocaleString("en-US")} characters; --json shows all\\)$`));
    expect(view.stdout).toMatch(new RegExp(`^started +${ISO_SECONDS.source}`, "m"));
    expect(view.stdout).not.toMatch(/\.\d{3}Z/);
  }, 30_000);
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { maskSecret } from "../../src/cli/commands/config.js";
import { explainConfig, loadConfig } from "../../src/config/load-config.js";
import { SETTINGS } from "../../src/config/settings.js";
import { BIN, cleanEnv } from "../e2e/cli.js";

const API_KEY = "sk-proj-Zq81kLmN0pQrStUv9wXy4Abc";
const TOKEN = "tok_c3f1b2a9d8e7f6a5b4c3d2e1f0a9b8c7";

/** A working directory with a moodfood.config.json, as a user would have one. */
function projectDir(file: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "mf-config-show-"));
  writeFileSync(join(dir, "moodfood.config.json"), JSON.stringify(file));
  return dir;
}

function configShow(cwd: string, env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(process.execPath, [BIN, ...args, "config", "show"], {
    cwd,
    encoding: "utf8",
    env: { ...cleanEnv(), NO_COLOR: "1", ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("explainConfig", () => {
  it("gives loadConfig's values and the source of each: flag > env > file > default", () => {
    const cwd = projectDir({ driftThreshold: 0.3, prometheusPort: 9300, llmModel: "from-file" });
    const sources = { flags: { dataDir: "/tmp/flagged" }, env: { PROMETHEUS_PORT: "9400", MOODFOOD_DRIFT_THRESHOLD: "0.2" }, cwd };
    const { config, settings } = explainConfig(sources);
    expect(config).toEqual(loadConfig(sources));
    const by = Object.fromEntries(settings.map((s) => [s.key, s]));
    expect(by.dataDir).toMatchObject({ value: "/tmp/flagged", origin: "flag", from: "--data-dir" });
    expect(by.prometheusPort).toMatchObject({ value: 9400, origin: "env", from: "PROMETHEUS_PORT" });
    expect(by.driftThreshold).toMatchObject({ value: 0.2, origin: "env", from: "MOODFOOD_DRIFT_THRESHOLD" });
    expect(by.llmModel).toMatchObject({ value: "from-file", origin: "file", from: join(cwd, "moodfood.config.json") });
    expect(by.retentionDays).toMatchObject({ value: 90, origin: "default", from: "default" });
    expect(settings.map((s) => s.key)).toEqual(Object.keys(SETTINGS));
  });

  it("rejects what loadConfig rejects, naming the variable", () => {
    const cwd = mkdtempSync(join(tmpdir(), "mf-config-show-"));
    expect(() => explainConfig({ env: { DRIFT_THRESHOLD: "abc" }, cwd })).toThrow(/DRIFT_THRESHOLD/);
  });
});

describe("maskSecret", () => {
  it.each([
    ["", "not set"],
    ["   ", "not set"],
    ["short-secret", "set"],
    [API_KEY, "sk-…4Abc"],
    [TOKEN, "…b8c7"],
  ])("masks %j as %j", (secret, masked) => expect(maskSecret(secret)).toBe(masked));
});

describe("moodfood config show", () => {
  const cwd = projectDir({ apiToken: TOKEN, driftThreshold: 0.3 });
  const env = { MOODFOOD_LLM_API_KEY: API_KEY, PROMETHEUS_PORT: "9300" };

  it("lists every setting with its value and source, secrets masked (--json)", () => {
    const { status, stdout } = configShow(cwd, env, ["--data-dir", "/tmp/mf-somewhere", "--json"]);
    expect(status).toBe(0);
    const body = JSON.parse(stdout);
    expect(body.config_file).toBe(join(cwd, "moodfood.config.json"));
    expect(body.settings.map((s: { key: string }) => s.key)).toEqual(Object.keys(SETTINGS));
    const by = Object.fromEntries(body.settings.map((s: { key: string }) => [s.key, s]));
    expect(by.dataDir).toMatchObject({ value: "/tmp/mf-somewhere", origin: "flag", from: "--data-dir" });
    expect(by.prometheusPort).toMatchObject({ value: 9300, origin: "env", from: "PROMETHEUS_PORT" });
    expect(by.driftThreshold).toMatchObject({ value: 0.3, origin: "file" });
    expect(by.llmApiKey).toMatchObject({ value: "sk-…4Abc", origin: "env", from: "MOODFOOD_LLM_API_KEY", secret: true });
    expect(by.apiToken).toMatchObject({ value: "…b8c7", origin: "file", secret: true });
    expect(by.redactKey).toMatchObject({ value: "not set", origin: "default", secret: true });
    expect(stdout).not.toContain(API_KEY.slice(3, -4));
    expect(stdout).not.toContain(TOKEN.slice(0, -4));
  });

  it("prints one line a setting for humans, secrets masked", () => {
    const { status, stdout } = configShow(cwd, { ...env, MOODFOOD_ALERT_WEBHOOK: "https://hooks.slack.com/services/T0/B0/s3cr3t" });
    expect(status).toBe(0);
    expect(stdout).toMatch(/^MOODFOOD_LLM_API_KEY +sk-…4Abc +env MOODFOOD_LLM_API_KEY$/m);
    expect(stdout).toMatch(/^MOODFOOD_API_TOKEN +…b8c7 +moodfood\.config\.json "apiToken"$/m);
    expect(stdout).toMatch(/^DRIFT_THRESHOLD +0\.3 +moodfood\.config\.json "driftThreshold"$/m);
    expect(stdout).toMatch(/^MOODFOOD_ALERT_WEBHOOK +https:\/\/hooks\.slack\.com\/… +env MOODFOOD_ALERT_WEBHOOK$/m);
    expect(stdout).toMatch(/^DRIFT_CHECK_INTERVAL +60 +default$/m);
    expect(stdout.trim().split("\n")).toHaveLength(2 + Object.keys(SETTINGS).length);
    for (const secret of [API_KEY, TOKEN, "s3cr3t"]) expect(stdout).not.toContain(secret);
  });

  it("exits 2 naming an invalid variable", () => {
    const { status, stderr } = configShow(cwd, { DRIFT_THRESHOLD: "abc" });
    expect(status).toBe(2);
    expect(stderr).toMatch(/DRIFT_THRESHOLD="abc" is invalid/);
  });
});

import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moodfood, moodfoodAsync, tempDataDir } from "../e2e/cli.js";
import { startCollector } from "../interop/otlp-collector.js";
import { storeText } from "../support/store-contents.js";

// Issue 16 / DESIGN §15: MOODFOOD_REDACT_QUERIES stores a keyed hash instead of the text everywhere.
const SECRET = "my landlord Mr Smith at 12 Elm Street";

describe("MOODFOOD_REDACT_QUERIES (built CLI)", () => {
  it("keeps the text out of the store, TRACE_LOG_FILE, OTLP and exports; the answer still reads it", async () => {
    const dir = tempDataDir();
    const log = join(dir, "traces.log");
    const collector = await startCollector();
    try {
      const env = { MOODFOOD_REDACT_QUERIES: "1", TRACE_LOG_FILE: log, OTEL_EXPORTER_OTLP_ENDPOINT: collector.base };
      const run = await moodfoodAsync(["--data-dir", dir, "query", "--json", `I'm sad, ${SECRET} shouted at me`], env);
      expect(run.status).toBe(0);
      const answer = JSON.parse(run.stdout) as { labels: string[]; trace_id: string };
      expect(answer.labels).toContain("emotion_sad");
      const again = moodfood(["--data-dir", dir, "query", "--json", `I'm sad, ${SECRET} shouted at me`], { env });
      const stored = JSON.parse(moodfood(["--data-dir", dir, "trace", "list", "--json"]).stdout) as { traces: { query: string }[] };
      expect(stored.traces.map((t) => t.query)).toEqual([expect.stringMatching(/^redacted:[0-9a-f]{32}$/), stored.traces[0]?.query]);
      expect(again.status).toBe(0);
      moodfood(["--data-dir", dir, "export", "jsonl", "--out", join(dir, "export")]);
      const everywhere = [
        await storeText(dir),
        readFileSync(log, "utf8"),
        JSON.stringify(collector.received),
        readFileSync(join(dir, "export", "traces.jsonl"), "utf8"),
      ];
      for (const text of everywhere) expect(text).not.toContain("Elm Street");
      expect(statSync(join(dir, "redact.key")).mode & 0o777).toBe(0o600);
    } finally {
      await collector.close();
    }
  });

  it("uses MOODFOOD_REDACT_KEY when set: the same text gives the same hash in two data dirs", () => {
    const hashes = [tempDataDir(), tempDataDir()].map((dir) => {
      moodfood(["--data-dir", dir, "query", "tired"], { env: { MOODFOOD_REDACT_QUERIES: "1", MOODFOOD_REDACT_KEY: "k".repeat(32) } });
      return (JSON.parse(moodfood(["--data-dir", dir, "trace", "list", "--json"]).stdout) as { traces: { query: string }[] }).traces[0]
        ?.query;
    });
    expect(hashes[0]).toMatch(/^redacted:/);
    expect(hashes[0]).toBe(hashes[1]);
  });
});

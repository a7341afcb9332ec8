import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Config } from "../config/settings.js";
import { REDACTED_PREFIX } from "../records/trace.js";
import type { TraceSink } from "../tracing/tracer.js";

export const REDACT_KEY_FILE = "redact.key";

/**
 * MOODFOOD_REDACT_QUERIES: the query text becomes a keyed hash (HMAC-SHA256 with MOODFOOD_REDACT_KEY, else a
 * key generated once into the data dir) before any sink sees it, so the store, TRACE_LOG_FILE, OTLP and
 * everything read from the store (exports, reports) hold no text. The same text gives the same hash.
 * node:crypto is loaded only here, so queries without redaction keep their startup.
 */
export function queryRedactor(config: Config): (text: string) => string {
  const crypto = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  const key = config.redactKey || dataDirKey(config.dataDir, crypto);
  return (text) => `${REDACTED_PREFIX}${crypto.createHmac("sha256", key).update(text).digest("hex").slice(0, 32)}`;
}

/** The data dir's own key: created once, readable only by its owner; a process that loses the race reads the winner's. */
function dataDirKey(dataDir: string, crypto: typeof import("node:crypto")): string {
  const path = join(dataDir, REDACT_KEY_FILE);
  try {
    const fd = openSync(path, "wx", 0o600);
    try {
      writeSync(fd, crypto.randomBytes(32).toString("hex"));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  for (let attempt = 0; ; attempt++) {
    const key = readFileSync(path, "utf8").trim();
    if (key !== "" || attempt > 50) return key || "moodfood";
  }
}

/** Hands each sink a copy of the trace whose query is the keyed hash; the pipeline keeps the text in memory only. */
export function redactingSink<S extends TraceSink>(sink: S, redact: (text: string) => string): S {
  return {
    ...sink,
    started: (trace) => sink.started({ ...trace, query: redact(trace.query) }),
    ended: (trace) => sink.ended({ ...trace, query: redact(trace.query) }),
  };
}

// The table of settings: one row each, so config show, validation and docs agree.

export type Parser<T> = (raw: string) => T | undefined;

export interface Setting<T> {
  /** Key in Config and in moodfood.config.json. */
  key: string;
  /** Environment variables, first wins (the original system's names come first). */
  env: string[];
  parse: Parser<T>;
  /** Human description of a valid value, used in error messages. */
  expects: string;
  fallback: T;
  secret?: boolean;
}

const number =
  (min: number, max = Number.POSITIVE_INFINITY): Parser<number> =>
  (raw) => {
    const value = Number(raw);
    return raw.trim() !== "" && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
  };
const integer =
  (min: number, max: number): Parser<number> =>
  (raw) => {
    const value = number(min, max)(raw);
    return value !== undefined && Number.isInteger(value) ? value : undefined;
  };
const text: Parser<string> = (raw) => raw;
const nonEmpty: Parser<string> = (raw) => (raw.trim() === "" ? undefined : raw);
const httpUrl: Parser<string> = (raw) => {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? raw : undefined;
  } catch {
    return undefined;
  }
};
const flag: Parser<boolean> = (raw) => {
  const v = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off", ""].includes(v)) return false;
  return undefined;
};
// Checked through Intl, as the report resolves days with it: a zone this Node does not know is refused at start.
const timeZone: Parser<string> = (raw) => {
  const zone = raw.trim();
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone === "" ? undefined : zone;
  } catch {
    return undefined;
  }
};
// The URL is checked in full when the store opens (src/store/postgres/connection-url.ts); here only its kind.
const databaseUrl: Parser<string> = (raw) => (raw.trim() === "" || /^postgres(ql)?:\/\/./.test(raw.trim()) ? raw.trim() : undefined);
const instanceName: Parser<string> = (raw) => (/^[A-Za-z0-9._-]{1,64}$/.test(raw) ? raw : undefined);
const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw) =>
    (values as string[]).includes(raw) ? (raw as T) : undefined;

export const SETTINGS = {
  dataDir: { key: "dataDir", env: ["MOODFOOD_DATA_DIR"], parse: nonEmpty, expects: "a directory path", fallback: "./logs" },
  databaseUrl: {
    key: "databaseUrl",
    env: ["MOODFOOD_DATABASE_URL"],
    parse: databaseUrl,
    expects: "a PostgreSQL URL like postgres://user:password@host:5432/moodfood",
    fallback: "",
    secret: true,
  },
  instance: {
    key: "instance",
    env: ["MOODFOOD_INSTANCE"],
    parse: instanceName,
    expects: "1-64 of A-Z, a-z, 0-9, '.', '_' and '-'",
    fallback: "",
  },
  driftThreshold: {
    key: "driftThreshold",
    env: ["DRIFT_THRESHOLD", "MOODFOOD_DRIFT_THRESHOLD"],
    parse: number(0.0001, 10),
    expects: "a number > 0, e.g. 0.1",
    fallback: 0.1,
  },
  driftCheckIntervalMin: {
    key: "driftCheckIntervalMin",
    env: ["DRIFT_CHECK_INTERVAL", "MOODFOOD_DRIFT_CHECK_INTERVAL"],
    parse: number(1),
    expects: "minutes, at least 1, e.g. 60",
    fallback: 60,
  },
  prometheusPort: {
    key: "prometheusPort",
    env: ["PROMETHEUS_PORT", "MOODFOOD_PORT"],
    parse: integer(0, 65535),
    expects: "a port number 0-65535",
    fallback: 9189,
  },
  traceLogFile: {
    key: "traceLogFile",
    env: ["TRACE_LOG_FILE", "MOODFOOD_TRACE_LOG_FILE"],
    parse: text,
    expects: "a file path",
    fallback: "",
  },
  traceCleanupHours: {
    key: "traceCleanupHours",
    env: ["TRACE_CLEANUP_HOURS", "MOODFOOD_TRACE_CLEANUP_HOURS"],
    parse: number(0.01),
    expects: "hours > 0, e.g. 24",
    fallback: 24,
  },
  retentionDays: {
    key: "retentionDays",
    env: ["MOODFOOD_RETENTION_DAYS"],
    parse: number(0),
    expects: "days >= 0 (0 keeps everything)",
    fallback: 90,
  },
  llmProvider: {
    key: "llmProvider",
    env: ["MOODFOOD_LLM_PROVIDER"],
    parse: oneOf("local", "openai"),
    expects: "local or openai",
    fallback: "local",
  },
  llmBaseUrl: {
    key: "llmBaseUrl",
    env: ["MOODFOOD_LLM_BASE_URL"],
    parse: httpUrl,
    expects: "a URL like https://api.openai.com/v1",
    fallback: "https://api.openai.com/v1",
  },
  llmApiKey: { key: "llmApiKey", env: ["MOODFOOD_LLM_API_KEY"], parse: text, expects: "an API key", fallback: "", secret: true },
  llmModel: { key: "llmModel", env: ["MOODFOOD_LLM_MODEL"], parse: text, expects: "a model name", fallback: "gpt-4o-mini" },
  llmTimeoutMs: {
    key: "llmTimeoutMs",
    env: ["MOODFOOD_LLM_TIMEOUT_MS"],
    parse: integer(1, 600_000),
    expects: "milliseconds >= 1, e.g. 3000",
    fallback: 3000,
  },
  mlThreshold: {
    key: "mlThreshold",
    env: ["MOODFOOD_ML_THRESHOLD"],
    parse: number(0, 1),
    expects: "a number between 0 and 1",
    fallback: 0.5,
  },
  redactQueries: { key: "redactQueries", env: ["MOODFOOD_REDACT_QUERIES"], parse: flag, expects: "1 or 0", fallback: false },
  redactKey: { key: "redactKey", env: ["MOODFOOD_REDACT_KEY"], parse: text, expects: "a secret string", fallback: "", secret: true },
  apiToken: { key: "apiToken", env: ["MOODFOOD_API_TOKEN"], parse: text, expects: "a bearer token", fallback: "", secret: true },
  abSplit: {
    key: "abSplit",
    env: ["MOODFOOD_AB_SPLIT"],
    parse: number(0, 1),
    expects: "a share of queries from 0 to 1, e.g. 0.5",
    fallback: 0,
  },
  reQueryWindowS: {
    key: "reQueryWindowS",
    env: ["MOODFOOD_REQUERY_WINDOW"],
    parse: integer(0, 86_400),
    expects: "seconds from 0 (off) to 86400, e.g. 300",
    fallback: 300,
  },
  alertWebhook: { key: "alertWebhook", env: ["MOODFOOD_ALERT_WEBHOOK"], parse: text, expects: "a URL", fallback: "" },
  alertWebhookFormat: {
    key: "alertWebhookFormat",
    env: ["MOODFOOD_ALERT_WEBHOOK_FORMAT"],
    parse: oneOf<"json" | "slack" | "discord">("json", "slack", "discord"),
    expects: 'json (the alert as JSON), slack ({"text"}) or discord ({"content"})',
    fallback: "json" as "json" | "slack" | "discord",
  },
  timeZone: {
    key: "timeZone",
    env: ["MOODFOOD_TZ"],
    parse: timeZone,
    expects: "an IANA time zone such as UTC, Europe/Paris or Asia/Kolkata",
    fallback: "UTC",
  },
} satisfies Record<string, Setting<unknown>>;

export type Config = { [K in keyof typeof SETTINGS]: (typeof SETTINGS)[K]["fallback"] };

import { UserError } from "../../errors.js";

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
/** admin_shutdown, crash_shutdown, cannot_connect_now: the server is going away or not up yet. */
const SHUTDOWN_STATES = new Set(["57P01", "57P02", "57P03"]);
/** The messages node-postgres and its pool give when a connection is lost or never made. */
const LOST_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|not queryable|connection error/i;

/** What a node-postgres or network failure means for the user: one sentence naming the password-free location. */
export function pgError(error: unknown, location: string): Error {
  if (error instanceof UserError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (NETWORK_CODES.has(code) || SHUTDOWN_STATES.has(code) || code.startsWith("08") || LOST_CONNECTION.test(message)) {
    const why = code || message.replace(/\.$/, "");
    return new UserError(
      "store_unavailable",
      `PostgreSQL at ${location} is unavailable (${why}); moodfood retries on the next request, or try again once the database is back.`,
    );
  }
  if (code === "28P01" || code === "28000") {
    return new UserError(
      "store_auth",
      `PostgreSQL at ${location} refused the login (${code}); check the user and password in the database URL.`,
    );
  }
  if (code === "3D000") {
    return new UserError("store_config", `PostgreSQL at ${location} has no such database (3D000); create it or fix the database URL.`);
  }
  if (code === "53100") {
    return new UserError("store_full", `PostgreSQL at ${location} is out of disk space (53100); free space on the database server.`);
  }
  if (code === "57014" || code === "55P03") {
    return new UserError(
      "store_busy",
      `PostgreSQL at ${location} gave up a statement that waited or ran too long (${code}), so this write was given up; try again, or find the long writer.`,
    );
  }
  return error instanceof Error ? error : new Error(message);
}

/** The database was migrated by a newer moodfood: this build must not write to it. */
export function outdatedBuild(location: string, found: number, expected: number): UserError {
  return new UserError(
    "store_outdated",
    `PostgreSQL at ${location} has schema version ${found}, newer than this moodfood build knows (${expected}); upgrade moodfood.`,
  );
}

/** A serialization failure or deadlock: the transaction may simply be run again. */
export function isRetryableConflict(error: unknown): boolean {
  const code = errorCode(error);
  return code === "40001" || code === "40P01";
}

/** SQLSTATE or errno; Node 20 reports a refused dual-stack connect as an AggregateError of the attempts. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code) return code;
  if (error instanceof AggregateError) return errorCode(error.errors[0]);
  return "";
}

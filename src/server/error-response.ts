import { isUserError, type UserError } from "../errors.js";
import { HttpError } from "./http-error.js";
import { type ApiResponse, errorResponse } from "./respond.js";

/** Maps anything a route throws to a JSON error: client mistakes are 4xx, never 500. */
export function toErrorResponse(error: unknown, log: (line: string) => void): ApiResponse {
  if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message, error.headers);
  if (isUserError(error)) {
    const headers = TRANSIENT.has(error.code) ? { "Retry-After": String(RETRY_AFTER_S) } : undefined;
    return errorResponse(statusForUserError(error), error.code, error.message, headers);
  }
  log(`moodfood api: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return errorResponse(500, "internal_error", "Unexpected server error; the server log has the details.");
}

/** Store errors that pass on their own (a PostgreSQL restart, a long lock): the client may retry after a pause. */
const TRANSIENT = new Set(["store_unavailable", "store_busy"]);
const RETRY_AFTER_S = 5;

function statusForUserError(error: UserError): number {
  if (error.exitCode === 2) return 400; // usage errors: bad id, empty or over-long query
  if (error.code.endsWith("_not_found")) return 404;
  if (error.code.startsWith("ambiguous_")) return 409;
  return 503; // the user of the server cannot fix it: store full, corrupt, unwritable...
}

import { UsageError, type UserError } from "../../errors.js";

/** A database URL taken apart: what pg connects with, our schema, and what may be shown. */
export interface ConnectionTarget {
  /** The URL pg gets: our `schema` and `options` parameters removed (they travel as startup options). */
  connectionString: string;
  /** The schema every table lives in (created if missing), or undefined for the server's search_path. */
  schema: string | undefined;
  /** `options` the URL itself carried, kept so ours can be added beside them. */
  extraOptions: string | undefined;
  /** postgres://user@host:port/db (+ ?schema=): the only form errors, logs and store.location show. */
  display: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const DEFAULT_PORT = "5432";

/** Parses and checks a PostgreSQL URL; a bad one is a UserError that never repeats the password. */
export function parseDatabaseUrl(text: string): ConnectionTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configError("is not a valid URL; write it as postgres://user:password@host:port/database (percent-encode special characters)");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw configError(`must start with postgres:// or postgresql://, not ${url.protocol}//`);
  }
  const schema = url.searchParams.get("schema") ?? undefined;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw configError(`has schema=${JSON.stringify(schema)}, but a schema must be 1-63 of a-z, 0-9 and _, not starting with a digit`);
  }
  const extraOptions = url.searchParams.get("options") ?? undefined;
  const display = displayUrl(url, schema);
  url.searchParams.delete("schema");
  url.searchParams.delete("options");
  return { connectionString: url.toString(), schema, extraOptions, display };
}

/** The URL without its password (or any other query parameter): safe to print. */
function displayUrl(url: URL, schema: string | undefined): string {
  const user = url.username ? `${decodeURIComponent(url.username)}@` : "";
  const host = url.hostname || url.searchParams.get("host") || "localhost";
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || decodeURIComponent(url.username) || "postgres";
  return `postgres://${user}${host}:${url.port || DEFAULT_PORT}/${database}${schema ? `?schema=${schema}` : ""}`;
}

function configError(problem: string): UserError {
  return new UsageError("store_config", `The database URL ${problem}.`);
}

import type { HealthDocument } from "../health/health-document.js";
import type { Exposition } from "../metrics/exposition.js";
import type { QueryAnswer, QueryInput } from "../pipeline/pipeline.js";
import type { Store } from "../store/store.js";

/** What the routes use; injected so tests run the server over a temp store and a fake pipeline. */
export interface ApiDeps {
  store: Store;
  exposition: Exposition;
  runQuery(input: QueryInput): Promise<QueryAnswer>;
  /** The address the server is bound to (default 127.0.0.1): without a token, a loopback bind checks the Host header. */
  bindHost?: string;
  /** Runs a write on a writable store without blocking on its lock (the runtime's); absent, routes write to `store` (tests). */
  write?<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  /** MOODFOOD_API_TOKEN; "" disables authentication. */
  apiToken: string;
  /** The database file, for /readyz to see that it is still a SQLite file (a connection reads pages from its cache). */
  storeFile?: string;
  /** Computes the health now (GET /health/full); without it the route answers 501. */
  health?: () => Promise<HealthDocument>;
  /** Where unexpected (5xx) errors are reported, one line each. */
  log(line: string): void;
}

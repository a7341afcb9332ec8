import type { Exposition } from "../metrics/exposition.js";
import type { QueryAnswer, QueryInput } from "../pipeline/pipeline.js";
import type { Store } from "../store/store.js";

/** What the routes use; injected so tests run the server over a temp store and a fake pipeline. */
export interface ApiDeps {
  store: Store;
  exposition: Exposition;
  runQuery(input: QueryInput): Promise<QueryAnswer>;
  /** Runs a write on a writable store without blocking on its lock (the runtime's); absent, routes write to `store` (tests). */
  write?<T>(fn: (store: Store) => T): Promise<T>;
  /** MOODFOOD_API_TOKEN; "" disables authentication. */
  apiToken: string;
  /** Where unexpected (5xx) errors are reported, one line each. */
  log(line: string): void;
}

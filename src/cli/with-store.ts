import { openStore, type Store } from "../store/store.js";
import type { CliContext } from "./context.js";

/** Opens the data dir's store for one command and always closes it. */
export function withStore<T>(ctx: CliContext, fn: (store: Store) => T): T {
  const store = openStore(ctx.config.dataDir);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

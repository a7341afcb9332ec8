import { type OpenOptions, openStore, type Store } from "./store.js";

/** Opens a store, runs fn and always closes it: after fn's promise settles when fn is async. */
export function usingStore<T>(dataDir: string | ":memory:", options: OpenOptions, fn: (store: Store) => T): T {
  const store = openStore(dataDir, options);
  let result: T;
  try {
    result = fn(store);
  } catch (error) {
    store.close();
    throw error;
  }
  if (result instanceof Promise) return result.finally(() => store.close()) as T;
  store.close();
  return result;
}

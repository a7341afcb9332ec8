import { type OpenOptions, openStore, type Store, type StoreLocation } from "./store.js";

/** Opens a store, runs fn and always closes it, after fn's promise settles. */
export async function usingStore<T>(where: string | StoreLocation, options: OpenOptions, fn: (store: Store) => Promise<T> | T): Promise<T> {
  const store = await openStore(where, options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

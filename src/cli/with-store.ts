import { openRuntime, type Runtime, type RuntimeOptions } from "../runtime/runtime.js";
import type { Store } from "../store/store.js";
import { usingStore } from "../store/using-store.js";
import type { CliContext } from "./context.js";

/**
 * `read` opens the store read-only: no write lock, so it never waits behind a writer and works on a read-only mount.
 * `reclaim` is for freeing space on a full disk: exclusive, with the rollback journal in memory.
 */
export type StoreAccess = "read" | "write" | "reclaim";

/** Opens the data dir's store for one command and always closes it, after fn's promise settles. */
export async function withStore<T>(ctx: CliContext, fn: (store: Store) => Promise<T> | T, access: StoreAccess = "write"): Promise<T> {
  return usingStore(ctx.config, { readonly: access === "read", journalInMemory: access === "reclaim" }, fn);
}

/** withStore for commands that only read. */
export const withStoreForReading = <T>(ctx: CliContext, fn: (store: Store) => Promise<T> | T): Promise<T> => withStore(ctx, fn, "read");

/** Builds the runtime for one command and always closes it (exports flushed, store closed). */
export async function withRuntime<T>(ctx: CliContext, options: RuntimeOptions, fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(ctx.config, options);
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

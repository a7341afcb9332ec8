import { AsyncLocalStorage } from "node:async_hooks";

/**
 * One transaction at a time on a connection, and a transaction opened inside another joins it.
 * A transaction's body is async, so without the gate a second body could start while the first
 * awaits and run its statements inside the first's BEGIN; the async context tells a nested call
 * (the breaker's write inside a health recording, say) from a second caller.
 */
export function transactionGate<Context>() {
  const current = new AsyncLocalStorage<Context>();
  let tail: Promise<unknown> = Promise.resolve();
  return {
    /** The open transaction's context when called from inside one (any depth of awaits). */
    current: (): Context | undefined => current.getStore(),
    /** Runs `body` in a new transaction once earlier ones end, or inside the current one. */
    run<T>(
      open: () => Promise<Context> | Context,
      body: () => Promise<T>,
      close: (context: Context, ok: boolean) => Promise<void> | void,
    ): Promise<T> {
      if (current.getStore() !== undefined) return body();
      const turn = tail.then(async () => {
        const context = await open();
        let result: T;
        try {
          result = await current.run(context, body);
        } catch (error) {
          await close(context, false);
          throw error;
        }
        await close(context, true);
        return result;
      });
      tail = turn.catch(() => {});
      return turn;
    },
  };
}

/**
 * A query group as both backends offer it: every method answers with a promise, and a generator
 * becomes an async iterable. SQLite's groups are synchronous underneath; PostgreSQL's are not.
 */
export type Promised<G> = {
  [K in keyof G]: G[K] extends (...args: infer A) => Iterator<infer T> & Iterable<infer T>
    ? (...args: A) => AsyncIterable<T>
    : G[K] extends (...args: infer A) => infer R
      ? (...args: A) => Promise<R>
      : G[K];
};

const GENERATOR = Object.getPrototypeOf(function* () {}).constructor;

/** Wraps a synchronous query group: a thrown error becomes a rejected promise, never a throw at the call. */
export function promised<G extends object>(group: G, iterables: readonly (keyof G)[] = []): Promised<G> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(group)) {
    if (typeof value !== "function") {
      out[name] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    if (value instanceof GENERATOR || iterables.includes(name as keyof G)) {
      out[name] = (...args: unknown[]) => asyncRows(() => fn(...args) as Iterable<unknown>);
      continue;
    }
    out[name] = (...args: unknown[]) => {
      try {
        return Promise.resolve(fn(...args));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  return out as Promised<G>;
}

/** A synchronous row iterator offered as an async one (rows still come one at a time, in bounded memory). */
async function* asyncRows<T>(open: () => Iterable<T>): AsyncGenerator<T> {
  yield* open();
}

/** An AbortSignal that fires on SIGINT or SIGTERM (reason: the signal name); dispose() removes the handlers. */
export function abortOnSignals(signals: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => controller.abort(name);
  for (const name of signals) process.on(name, onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of signals) process.off(name, onSignal);
    },
  };
}

/** Resolves with the abort reason once the signal fires. */
export function whenAborted(signal: AbortSignal): Promise<string> {
  if (signal.aborted) return Promise.resolve(String(signal.reason));
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(String(signal.reason)), { once: true }));
}

/** Monotonic milliseconds for span timing; process.hrtime avoids loading perf_hooks (~3 ms) at start. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

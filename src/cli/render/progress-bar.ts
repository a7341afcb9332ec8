const WIDTH = 30;
const REDRAW_MS = 100;

/** One progress line, e.g. `[#######.......] 45% 3,150/7,000 queries`. */
export function progressLine(done: number, total: number, unit: string): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(ratio * WIDTH);
  return `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} ${unit}`;
}

/** Redraws a progress line in place on a terminal, at most every 100 ms; `finish` clears it. */
export function terminalProgress(write: (text: string) => void, unit: string, clock: () => number = Date.now) {
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    update(done: number, total: number): void {
      const t = clock();
      if (t - last < REDRAW_MS && done < total) return;
      last = t;
      shown = true;
      write(`\r${progressLine(done, total, unit)}`);
    },
    finish(): void {
      if (shown) write("\r\u001b[2K");
    },
  };
}

import { PSI_SHARE_FLOOR } from "../stats/index.js";

/** PSI between two categorical count tables (shares floored like the numeric PSI); p = baseline. */
export function categoricalPsi(baseline: readonly number[], current: readonly number[]): number {
  const totalP = baseline.reduce((s, c) => s + c, 0);
  const totalQ = current.reduce((s, c) => s + c, 0);
  let psi = 0;
  for (let i = 0; i < baseline.length; i++) {
    const p = Math.max((baseline[i] as number) / totalP, PSI_SHARE_FLOOR);
    const q = Math.max((current[i] as number) / totalQ, PSI_SHARE_FLOOR);
    psi += (q - p) * Math.log(q / p);
  }
  return psi;
}

import type { ChalkInstance } from "chalk";

export type Painter = Pick<ChalkInstance, "bold" | "dim" | "cyan" | "green" | "yellow" | "red">;

const same = (text: string) => text;
const PLAIN = { bold: same, dim: same, cyan: same, green: same, yellow: same, red: same } as unknown as Painter;

let colours: Painter | undefined;

/** Loads chalk only when output will be coloured: its module setup is ~3 ms of a start otherwise. */
export async function loadColours(): Promise<void> {
  const { Chalk } = await import("chalk");
  colours = new Chalk({ level: 1 });
}

/** Colours when `color` is on and chalk was loaded (runCli does so for a terminal); else plain text. */
export function paint(color: boolean): Painter {
  return color && colours ? colours : PLAIN;
}

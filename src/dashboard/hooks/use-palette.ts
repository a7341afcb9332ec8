import { createContext, useContext } from "react";

/** Whether colours are on (off for NO_COLOR / --no-color); Ink's own chalk does not read NO_COLOR. */
export const PaletteContext = createContext(true);

export type Tone = "good" | "warn" | "bad" | "accent" | "muted";

const COLOURS: Record<Tone, string> = { good: "green", warn: "yellow", bad: "red", accent: "cyan", muted: "gray" };

/** The Ink colour for a tone, or undefined when colours are off (so nothing is coloured). */
export function usePalette(): (tone: Tone | undefined) => string | undefined {
  const color = useContext(PaletteContext);
  return (tone) => (color && tone ? COLOURS[tone] : undefined);
}

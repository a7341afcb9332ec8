import { Text } from "ink";
import { usePalette } from "../hooks/use-palette.js";

export type Screen = "main" | "waterfall" | "help";

const HINTS: Record<Screen, [string, string][]> = {
  main: [
    ["↑/↓", "select"],
    ["Enter", "waterfall"],
    ["/", "filter"],
    ["p", "pause"],
    ["?", "help"],
    ["q", "quit"],
  ],
  waterfall: [
    ["Esc", "back"],
    ["q", "quit"],
  ],
  help: [
    ["Esc/?", "close help"],
    ["q", "quit"],
  ],
};

/** The bottom line: the keys that work on this screen. */
export function KeyHints({ screen }: { screen: Screen }) {
  const colour = usePalette();
  return (
    <Text wrap="truncate">
      {HINTS[screen].map(([key, what]) => (
        <Text key={key}>
          <Text inverse bold color={colour("accent")}>
            {` ${key} `}
          </Text>
          {` ${what}  `}
        </Text>
      ))}
    </Text>
  );
}

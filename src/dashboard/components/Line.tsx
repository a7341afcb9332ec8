import { Text } from "ink";
import type { ReactNode } from "react";
import { type Tone, usePalette } from "../hooks/use-palette.js";

/** One line of a panel: never wraps (a narrow terminal cuts it), optionally toned. */
export function Line({ tone, bold, children }: { tone?: Tone; bold?: boolean; children: ReactNode }) {
  const colour = usePalette();
  return (
    <Text wrap="truncate" color={colour(tone)} bold={bold}>
      {children}
    </Text>
  );
}

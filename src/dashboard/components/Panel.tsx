import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { type Tone, usePalette } from "../hooks/use-palette.js";

export const PANEL_LINES = 4;
/** Top line with the title, the panel's lines, the bottom border. */
export const PANEL_HEIGHT = PANEL_LINES + 2;

interface Props {
  title: string;
  width: number;
  tone?: Tone;
  children: ReactNode;
}

/** A bordered box whose title sits in its top border, as in k9s and btop. */
export function Panel({ title, width, tone, children }: Props) {
  const colour = usePalette();
  const label = ` ${title} `.slice(0, Math.max(0, width - 4));
  return (
    <Box flexDirection="column" width={width} height={PANEL_HEIGHT}>
      <Text color={colour("muted")} wrap="truncate">
        ╭─
        <Text bold color={colour(tone ?? "accent")}>
          {label}
        </Text>
        {"─".repeat(Math.max(0, width - 3 - label.length))}╮
      </Text>
      <Box flexDirection="column" borderStyle="round" borderTop={false} borderColor={colour("muted")} paddingX={1} height={PANEL_LINES + 1}>
        {children}
      </Box>
    </Box>
  );
}

/** Usable characters per line inside a panel of `width`. */
export const innerWidth = (width: number): number => Math.max(8, width - 4);

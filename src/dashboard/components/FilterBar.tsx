import { Text } from "ink";
import { usePalette } from "../hooks/use-palette.js";

/** The `/` line being typed: Enter applies, Esc cancels. */
export function FilterBar({ draft }: { draft: string }) {
  const colour = usePalette();
  return (
    <Text wrap="truncate">
      <Text bold color={colour("accent")}>
        /
      </Text>
      {draft}
      <Text inverse> </Text>
      <Text color={colour("muted")}> text, decision or status (status:error, decision:ml_only) · Enter applies · Esc cancels</Text>
    </Text>
  );
}

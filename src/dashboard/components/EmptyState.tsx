import { Box, Text } from "ink";
import { usePalette } from "../hooks/use-palette.js";

/** A store with no traces: say so, and how to make some. */
export function EmptyState({ dataDir }: { dataDir: string }) {
  const colour = usePalette();
  const moodfood = `moodfood --data-dir ${quoted(dataDir)}`;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={colour("muted")} paddingX={1}>
      <Text bold>No queries in this store yet</Text>
      <Text> </Text>
      <Text>Create some, in another terminal:</Text>
      <Text color={colour("accent")}> {moodfood} demo</Text>
      <Text color={colour("muted")}> a week of simulated history and one query</Text>
      <Text color={colour("accent")}> {moodfood} query "I'm sad and it's freezing"</Text>
      <Text color={colour("muted")}> one real query</Text>
      <Text> </Text>
      <Text>They appear here within a refresh.</Text>
    </Box>
  );
}

/** The data dir as a shell word, so the line can be pasted as is. */
const quoted = (path: string): string => (/^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`);

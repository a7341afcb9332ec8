import { useApp, useInput } from "ink";

export interface KeyActions {
  up(): void;
  down(): void;
  enter(): void;
  escape(): void;
  filter(): void;
  pause(): void;
  help(): void;
  /** A character typed while the filter line is open, or "\b" to delete one. */
  type(text: string): void;
}

/** The dashboard's keys; while the filter line is open, letters go to it instead of acting. */
export function useKeys(actions: KeyActions, editing: boolean): void {
  const { exit } = useApp();
  useInput((input, key) => {
    if (key.upArrow) return actions.up();
    if (key.downArrow) return actions.down();
    if (key.return) return actions.enter();
    if (key.escape) return actions.escape();
    if (editing) {
      if (key.backspace || key.delete) return actions.type("\b");
      if (input && !key.ctrl && !key.meta) actions.type(input);
      return;
    }
    if (input === "q") return exit();
    if (input === "/") return actions.filter();
    if (input === "p") return actions.pause();
    if (input === "?") return actions.help();
    if (input === "j") return actions.down();
    if (input === "k") return actions.up();
  });
}

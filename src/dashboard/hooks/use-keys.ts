import { useApp, useInput } from "ink";
import { useRef } from "react";

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

/** The dashboard's keys; while the filter line is open (`editing()`), letters go to it instead of acting. */
export function useKeys(latest: KeyActions, editing: () => boolean): void {
  const { exit } = useApp();
  // Ink may still hold the handler of an earlier render when a key arrives: read this render's actions.
  const ref = useRef(latest);
  ref.current = latest;
  useInput((input, key) => {
    const actions = ref.current;
    if (key.upArrow) return actions.up();
    if (key.downArrow) return actions.down();
    if (key.return) return actions.enter();
    if (key.escape) return actions.escape();
    if (editing()) {
      if (key.backspace || key.delete) return actions.type("\b");
      if (!input || key.ctrl || key.meta) return;
      // Pasted text arrives as one input and may carry its own Enter.
      const [text = "", ...rest] = input.split(/\r\n?|\n/);
      if (text) actions.type(text);
      if (rest.length > 0) actions.enter();
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

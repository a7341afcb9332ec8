import { Chalk } from "chalk";

/** chalk at level 0 when colour is off (--no-color, NO_COLOR, a pipe, --json). */
export function paint(color: boolean) {
  return new Chalk({ level: color ? 1 : 0 });
}

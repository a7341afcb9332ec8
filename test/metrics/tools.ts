import { spawnSync } from "node:child_process";

/** Whether an executable is on PATH; when it is not, says so once, visibly, so a skipped check is never silent. */
export function onPath(command: string, why: string): boolean {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
  if (!found) console.warn(`SKIPPED: ${command} is not on PATH, so ${why} did not run (apt-get install -y prometheus).`);
  return found;
}

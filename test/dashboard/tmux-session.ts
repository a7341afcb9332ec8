import { spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { BIN, cleanEnv } from "../e2e/cli.js";
import { backendEnv } from "../support/test-store.js";

/** The built bin (on the test project's backend) in a detached tmux pane on a private server: keys in with send-keys, the screen out with capture-pane. */
export class TmuxSession {
  private readonly socket = `mf-dash-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    private readonly tmux: string,
    args: string[],
    env: NodeJS.ProcessEnv = {},
    size = { columns: 160, rows: 45 },
  ) {
    const command = [process.execPath, BIN, ...args].map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(" ");
    // The pane outlives the dashboard so the test can read what it leaves behind (and its exit status).
    this.run(
      [
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "dash",
        "-x",
        String(size.columns),
        "-y",
        String(size.rows),
        `${command}; echo "EXIT=$?"; sleep 600`,
      ],
      { ...cleanEnv(), ...backendEnv(args, env), ...env },
    );
  }

  private run(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): string {
    const result = spawnSync(this.tmux, ["-L", this.socket, ...args], { encoding: "utf8", env });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** The visible screen; with `escapes`, colour and attribute codes included. */
  screen(escapes = false): string {
    return this.run(["capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", "dash"]);
  }

  keys(...keys: string[]): void {
    this.run(["send-keys", "-t", "dash", ...keys]);
  }

  /** Polls the screen until `test` passes; the last screen in the error when it never does. */
  async waitFor(test: (screen: string) => boolean, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`screen never matched within ${timeoutMs} ms:\n${screen}`);
      await sleep(50);
    }
  }

  close(): void {
    spawnSync(this.tmux, ["-L", this.socket, "kill-server"]);
  }
}

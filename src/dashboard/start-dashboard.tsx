import { render } from "ink";
import type { DashboardOptions, DashboardSource } from "../overview/dashboard-source.js";
import { App } from "./components/App.js";

const ALTERNATE_SCREEN = "\u001b[?1049h\u001b[H";
const MAIN_SCREEN = "\u001b[?1049l";

/**
 * Runs the dashboard full screen until q or Ctrl-C. It draws on the terminal's alternate screen,
 * as btop and k9s do, so quitting (or a crash, or SIGTERM) gives back the screen as it was.
 */
export async function startDashboard(source: DashboardSource, options: DashboardOptions): Promise<void> {
  // Read before taking the screen: the first frame has data, and a store that cannot be read fails on the main screen.
  const initial = await source.read((options.now ?? Date.now)());
  const { stdout } = process;
  stdout.write(ALTERNATE_SCREEN);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(MAIN_SCREEN);
  };
  process.once("exit", restore);
  const app = render(
    <App
      source={source}
      refreshMs={options.refreshMs}
      color={options.color}
      dataDir={options.dataDir}
      now={options.now}
      initial={initial}
    />,
    {
      exitOnCtrlC: true,
      patchConsole: false,
    },
  );
  const stop = () => app.unmount();
  process.once("SIGTERM", stop);
  process.once("SIGHUP", stop);
  try {
    await app.waitUntilExit();
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGHUP", stop);
    restore();
  }
}

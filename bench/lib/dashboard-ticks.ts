// In-process refresh ticks of the real dashboard app: each tick's CPU from the store read to the
// frame Ink writes (readDashboardSnapshot + React + Ink layout and output), on a fake terminal.
import { EventEmitter } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { render } from "ink";
import { createElement } from "react";
import { App } from "../../src/dashboard/components/App.js";
import { storeDashboardSource } from "../../src/overview/dashboard-source.js";
import { readDashboardSnapshot } from "../../src/overview/read-dashboard-snapshot.js";
import { openStore } from "../../src/store/store.js";

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

class FakeStdin extends EventEmitter {
  isTTY = true;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    return null;
  }
}

export async function measureTicks(dataDir: string, ticks: number, refreshMs: number) {
  const store = await openStore(dataDir, { readonly: true });
  const readOnly: number[] = [];
  for (let i = 0; i < 21; i++) {
    const start = process.cpuUsage();
    await readDashboardSnapshot(store, Date.now());
    readOnly.push(cpuMs(process.cpuUsage(start)));
  }
  const inner = storeDashboardSource(store);
  const perTick: number[] = [];
  let pending: NodeJS.CpuUsage | null = null;
  const source = {
    read(now: number) {
      pending = process.cpuUsage();
      return inner.read(now);
    },
    trace: inner.trace,
  };
  const stdout = Object.assign(new EventEmitter(), {
    columns: 160,
    rows: 45,
    isTTY: true,
    write(_frame: string) {
      if (pending) perTick.push(cpuMs(process.cpuUsage(pending)));
      pending = null;
      return true;
    },
  });
  const app = render(createElement(App, { source, refreshMs, color: true, dataDir }), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
    patchConsole: false,
    exitOnCtrlC: false,
  });
  await sleep(refreshMs * (ticks + 2));
  app.unmount();
  await store.close();
  return { readOnly, perTick: perTick.slice(2) };
}

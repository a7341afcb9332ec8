import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// DESIGN §15: as root, chmod does not stop writes, so fault tests use a read-only bind mount and a tiny
// full tmpfs. Both need mount(8) and root; without them the tests skip with the reason given here.
const sh = (command: string) => spawnSync("sh", ["-c", command], { encoding: "utf8" });

export interface Mounts {
  /** Whether this machine lets the tests mount (root and mount(8)). */
  available: boolean;
  /** `dir` seen through a read-only bind mount. */
  readOnlyView(dir: string): string;
  /** An empty tmpfs of `megabytes`, for a store that will then be filled to the last block. */
  tmpfs(megabytes: number): string;
  /** Fills a mounted tmpfs to its last block. */
  fill(disk: string): void;
  /** Unmounts everything, newest first (call in afterAll). */
  release(): void;
}

export function mounts(what: string): Mounts {
  const root = mkdtempSync(join(tmpdir(), "mf-mounts-"));
  const made: string[] = [];
  const probe = join(root, "probe");
  mkdirSync(probe);
  const available = sh(`mount -t tmpfs -o size=1m tmpfs ${probe} && umount ${probe}`).status === 0;
  if (!available) console.warn(`SKIPPED: ${what} needs root and mount(8), which this machine refused.`);
  const mountAt = (command: (dir: string) => string): string => {
    const dir = join(root, `m-${made.length}`);
    mkdirSync(dir);
    if (sh(command(dir)).status !== 0) throw new Error(`could not mount ${dir}`);
    made.push(dir);
    return dir;
  };
  return {
    available,
    readOnlyView: (dir) => mountAt((view) => `mount --bind ${dir} ${view} && mount -o remount,ro,bind ${view}`),
    tmpfs: (megabytes) => mountAt((disk) => `mount -t tmpfs -o size=${megabytes}m tmpfs ${disk}`),
    fill: (disk) => void sh(`dd if=/dev/zero of=${join(disk, "ballast")} bs=64k 2>/dev/null`),
    release: () => {
      for (const dir of made.reverse()) sh(`umount ${dir}`);
    },
  };
}

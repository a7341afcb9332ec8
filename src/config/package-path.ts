import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The installed package's root, found from this file so it works from src/ (tests) and dist/ (bundle) alike. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "moodfood") {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("moodfood package root not found");
    dir = parent;
  }
}

/** Absolute path of a file shipped with the package (fixtures, models). */
export function packagePath(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}

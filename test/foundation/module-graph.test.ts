import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { moduleGraph } from "../../scripts/module-graph.mjs";

const src = new URL("../../src/", import.meta.url).pathname;
const sources = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));

describe("module structure (docs/architecture.md, decision 0010)", () => {
  it("has no import cycle between modules, type-only imports included", () => {
    const { cycles } = moduleGraph() as { cycles: string[][] };
    expect(cycles).toEqual([]);
  });

  it("keeps SQL handles and pragmas inside src/store", () => {
    const leaks = sources
      .filter((file) => !file.startsWith("store/"))
      .filter((file) => /\.pragma\(|\bstore\.db\b|from "better-sqlite3"/.test(readFileSync(join(src, file), "utf8")));
    expect(leaks).toEqual([]);
  });

  it("keeps record types in a leaf module that imports no other module", () => {
    const imports = sources
      .filter((file) => file.startsWith("records/"))
      .flatMap((file) => [...readFileSync(join(src, file), "utf8").matchAll(/from "(\.\.\/[^"]+)"/g)].map((m) => m[1]));
    expect(imports.filter((spec) => spec !== "../hashing.js")).toEqual([]);
  });
});

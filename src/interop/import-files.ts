import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { UserError } from "../errors.js";
import { kindFromName } from "./detect-kind.js";
import { FILE_KINDS, fileNameOf } from "./original-layout.js";

/**
 * The files to import, traces first: feedback then finds its trace (and fills in the query the original kept
 * on the feedback). A directory stands for the five files of an export in it.
 */
export function filesToImport(paths: string[]): string[] {
  const files = paths.flatMap((path) => {
    const stat = statOrThrow(path);
    if (!stat.isDirectory()) return [path];
    const names = new Set(readdirSync(path));
    const found = FILE_KINDS.map(fileNameOf).filter((name) => names.has(name));
    if (found.length === 0) throw new UserError("nothing_to_import", `${path} holds none of ${FILE_KINDS.map(fileNameOf).join(", ")}.`);
    return found.map((name) => join(path, name));
  });
  const rank = (path: string) => {
    const kind = kindFromName(path);
    return kind ? FILE_KINDS.indexOf(kind) : FILE_KINDS.length;
  };
  return files
    .map((path, index) => ({ path, index }))
    .sort((a, b) => rank(a.path) - rank(b.path) || a.index - b.index)
    .map((f) => f.path);
}

function statOrThrow(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") throw new UserError("file_not_found", `${path} does not exist.`);
    throw new UserError("file_unreadable", `Cannot read ${path} (${code ?? String(error)}).`);
  }
}

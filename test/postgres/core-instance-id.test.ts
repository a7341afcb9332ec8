import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INSTANCE_FILE, instanceId } from "../../src/store/instance-id.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "mf-instance-"));

describe("instance id (no server needed)", () => {
  it("takes MOODFOOD_INSTANCE when set, and refuses one that is not a plain name", () => {
    expect(instanceId(tempDir(), { MOODFOOD_INSTANCE: "web-1.eu_west" })).toBe("web-1.eu_west");
    for (const bad of ["", "has space", "x".repeat(65), "a/b"]) {
      expect(() => instanceId(tempDir(), { MOODFOOD_INSTANCE: bad }), bad).toThrow(expect.objectContaining({ code: "instance_invalid" }));
    }
  });

  it("makes one id per data dir on first use and keeps it across restarts", () => {
    const dir = join(tempDir(), "nested", "data");
    const id = instanceId(dir, {});
    expect(id).toMatch(/^[a-z0-9-]+-[0-9a-f]{6}$/);
    expect(readFileSync(join(dir, INSTANCE_FILE), "utf8").trim()).toBe(id);
    expect(instanceId(dir, {})).toBe(id);
  });

  it("reads the id another process stored first", () => {
    const dir = tempDir();
    writeFileSync(join(dir, INSTANCE_FILE), "from-elsewhere\n");
    expect(instanceId(dir, {})).toBe("from-elsewhere");
  });

  it("falls back to an id for this process when the data dir cannot be written", () => {
    const file = join(tempDir(), "a-file");
    writeFileSync(file, "");
    const dir = join(file, "data"); // under a file: unwritable even for root
    const id = instanceId(dir, {});
    expect(id).toMatch(/-[0-9a-f]{6}$/);
    expect(instanceId(dir, {})).toBe(id);
  });
});

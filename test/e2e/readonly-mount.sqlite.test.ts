import { afterAll, describe, expect, it } from "vitest";
import { mounts } from "../support/mounts.js";
import { moodfood, tempDataDir } from "./cli.js";

// DESIGN §15: reads work on a read-only mount and on a full disk. As root, chmod does not stop writes,
// so these use a read-only bind mount and a tiny tmpfs; both need mount(8) and root.
const disks = mounts("read-only mount and full-disk tests");
afterAll(() => disks.release());

describe.skipIf(!disks.available)("a store on a read-only mount or a full disk (built CLI)", () => {
  it("reads work on a read-only bind mount; a query fails with one line, exit 1", () => {
    const dir = tempDataDir();
    const answer = JSON.parse(moodfood(["--data-dir", dir, "query", "--json", "I'm sad"]).stdout) as { trace_id: string };
    const view = disks.readOnlyView(dir);
    const list = moodfood(["--data-dir", view, "trace", "list", "--json"]);
    expect(list.status).toBe(0);
    expect((JSON.parse(list.stdout) as { traces: { trace_id: string }[] }).traces.map((t) => t.trace_id)).toEqual([answer.trace_id]);
    for (const args of [
      ["trace", answer.trace_id],
      ["metrics", "show"],
      ["models", "list"],
      ["drift", "alerts"],
    ]) {
      const run = moodfood(["--data-dir", view, ...args]);
      expect({ args, status: run.status, stderr: run.stderr }).toEqual({ args, status: 0, stderr: "" });
    }
    const query = moodfood(["--data-dir", view, "query", "I'm sad"]);
    expect(query.status).toBe(1);
    expect(query.stderr.trim().split("\n")).toHaveLength(1);
    expect(query.stderr).toMatch(/moodfood\.db/);
  });

  it("trace list and prune work on a full disk", () => {
    const disk = disks.tmpfs(4);
    expect(moodfood(["--data-dir", disk, "simulate", "--days", "3", "--per-day", "200", "--feedback-rate", "0"]).status).toBe(0);
    disks.fill(disk);
    const list = moodfood(["--data-dir", disk, "trace", "list", "--limit", "5", "--json"]);
    expect(list.stderr).toBe("");
    expect((JSON.parse(list.stdout) as { traces: unknown[] }).traces).toHaveLength(5);
    const prune = moodfood(["--data-dir", disk, "prune", "--older-than", "1d", "--json"]);
    expect(prune.stderr).toBe("");
    expect(prune.status).toBe(0);
    expect((JSON.parse(prune.stdout) as { deleted: number }).deleted).toBeGreaterThan(0);
  });
});

import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, describe, expect, inject, it } from "vitest";
import { BIN } from "../e2e/cli.js";
import { parseSamples, sumOf } from "../metrics/exposition-parse.js";
import { ask, eventually, type Fleet, fleetSkipReason, inParallel, mood, startFleet } from "./fleet.js";

// Issue #17: a moodfood killed mid-write leaves nothing half-written on PostgreSQL. A batch of traces,
// their metric rollups and their feedback commit in one transaction, so what a kill can leave is whole
// batches: each instance's counters equal exactly the finished traces (and feedback rows) it stored.
const databaseUrl = inject("databaseUrl");
const skip = fleetSkipReason(databaseUrl);
if (skip) console.warn(`SKIPPED: the SIGKILL fleet test did not run: ${skip}.`);

/** What one data dir's instance has stored, and what its counters say (`metrics show` reads its rollups). */
async function storedAndCounted(fleet: Fleet, dir: string) {
  const shown = fleet.cli(dir, ["metrics", "show"]);
  expect(shown.status).toBe(0);
  const samples = parseSamples(shown.stdout);
  const [traces] = await fleet.sql<{ finished: number; unfinished: number }>(
    "SELECT count(*) FILTER (WHERE status IN ('ok', 'error'))::int AS finished, count(*) FILTER (WHERE status NOT IN ('ok', 'error'))::int AS unfinished FROM traces",
  );
  const [feedback] = await fleet.sql<{ n: number }>("SELECT count(*)::int AS n FROM feedback");
  return {
    finished: traces?.finished ?? 0,
    unfinished: traces?.unfinished ?? 0,
    feedback: feedback?.n ?? 0,
    queriesTotal: sumOf(samples, "moodfood_queries_total"),
    latencyCount: sumOf(samples, "moodfood_query_processing_time_ms_count", { stage: "total" }),
    feedbackTotal: sumOf(samples, "moodfood_user_feedback_total"),
  };
}

/** A moodfood transaction that has written rows (it holds a transaction id), or undefined. */
async function openWrite(fleet: Fleet): Promise<string | undefined> {
  const [row] = await fleet.sql<{ xid: string }>(
    "SELECT backend_xid::text AS xid FROM pg_stat_activity WHERE application_name = 'moodfood' AND backend_xid IS NOT NULL LIMIT 1",
  );
  return row?.xid;
}

describe.skipIf(skip !== "")("SIGKILL mid-write on PostgreSQL (built CLI)", () => {
  const fleets: Fleet[] = [];
  const newFleet = () => {
    const fleet = startFleet(databaseUrl); // each case its own schema
    fleets.push(fleet);
    return fleet;
  };
  afterAll(() => Promise.all(fleets.map((fleet) => fleet.close())));

  it("a simulate killed inside a write transaction leaves whole batches, and the next commands work", async () => {
    const fleet = newFleet();
    const dir = fleet.dataDir();
    const child = spawn(process.execPath, [BIN, "--data-dir", dir, "simulate", "--days", "4", "--per-day", "2000", "--json"], {
      env: fleet.env,
      stdio: "ignore",
    });
    // Killed once a batch is stored, the moment the next has written rows but not committed (as near as a poll gets).
    const xid = await eventually("simulate to write its second batch", async () =>
      (await fleet.sql<{ n: number }>("SELECT count(*)::int AS n FROM traces"))[0]?.n ? openWrite(fleet) : undefined,
    );
    child.kill("SIGKILL");
    await once(child, "exit");
    // PostgreSQL rolls the dead connection's transaction back: committed or aborted, never left in progress.
    const outcome = await eventually("the killed transaction to end", async () => {
      const [row] = await fleet.sql<{ status: string }>("SELECT pg_xact_status($1::xid8) AS status", [xid]);
      return row?.status === "in progress" ? undefined : row?.status;
    });
    expect(["committed", "aborted"]).toContain(outcome); // in practice "aborted": the kill lands inside the batch

    const killed = await storedAndCounted(fleet, dir);
    expect(killed.finished).toBeLessThan(8000); // it really was cut short
    expect(killed.unfinished).toBe(0); // simulate writes finished traces only
    expect(killed.queriesTotal).toBe(killed.finished);
    expect(killed.latencyCount).toBe(killed.finished);
    expect(killed.feedbackTotal).toBe(killed.feedback);

    // The next simulate names the partial history; with --append it adds to it, and counts stay exact.
    const refused = fleet.cli(dir, ["simulate", "--days", "4", "--per-day", "10"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^moodfood: .*an earlier simulate of .* was interrupted: its history is partial.*\n$/);
    const appended = fleet.cli(dir, ["--json", "simulate", "--days", "1", "--per-day", "40", "--append"]);
    expect(appended.status).toBe(0);
    expect(JSON.parse(appended.stdout)).toMatchObject({ queries: 40, interrupted_earlier: expect.stringMatching(/was interrupted/) });
    expect(fleet.cli(dir, ["query", "--json", "sad and cold"]).status).toBe(0);

    const after = await storedAndCounted(fleet, dir);
    expect(after.finished).toBe(killed.finished + 41);
    expect(after.queriesTotal).toBe(after.finished);
    expect(after.latencyCount).toBe(after.finished);
    expect(after.feedbackTotal).toBe(after.feedback);
  });

  it("a server killed under load keeps every acknowledged query, and a restart on its data dir counts on", async () => {
    const fleet = newFleet();
    const dir = fleet.dataDir();
    const server = await fleet.serve(dir);
    const acknowledged: string[] = [];
    let failed = 0;
    let killed = false;
    const load = inParallel(400, 20, async (i) => {
      if (killed) return;
      const answer = await ask(server, mood(i)).catch(() => ({ status: 0, traceId: undefined }));
      if (answer.traceId) acknowledged.push(answer.traceId);
      else failed++;
    });
    await eventually("a write in flight after 50 acknowledged queries", async () =>
      acknowledged.length >= 50 ? openWrite(fleet) : undefined,
    );
    server.child.kill("SIGKILL");
    killed = true;
    await Promise.all([load, once(server.child, "exit")]);
    expect(failed).toBeGreaterThan(0); // requests in flight when it died got no answer

    const stored = await fleet.sql<{ trace_id: string; status: string }>("SELECT trace_id, status FROM traces");
    const finished = new Set(stored.filter((t) => t.status === "ok").map((t) => t.trace_id));
    for (const traceId of acknowledged) expect(finished.has(traceId), `acknowledged ${traceId} is stored`).toBe(true);
    // Queries cut off by the kill may be stored as started (active, later swept to abandoned), never as half a row.
    expect(stored.filter((t) => t.status !== "ok" && t.status !== "active")).toEqual([]);

    const again = await fleet.serve(dir);
    expect(again.id).toBe(server.id);
    expect(sumOf(await again.metrics(), "moodfood_queries_total")).toBe(finished.size);
    expect((await ask(again, "tired and hungry")).status).toBe(200);
    expect(sumOf(await again.metrics(), "moodfood_queries_total")).toBe(finished.size + 1);
  });
});

import type { Store } from "../../store/store.js";
import type { WeekPeriod } from "../iso-week.js";

export interface RetrainFacts {
  run_id: string;
  started_at: number;
  trigger: string;
  status: string;
  candidate: string | null;
  active: string;
  promoted: boolean;
  reason: string;
  samples: number;
}

/** `retrain` runs that started in the week (retrain_runs, indexed by start). */
export async function readRetraining(store: Store, period: WeekPeriod): Promise<RetrainFacts[]> {
  return (await store.report.retrainRuns(period.start, period.end)).map((r) => ({
    run_id: r.run_id,
    started_at: r.started_at,
    trigger: r.trigger,
    status: r.status,
    candidate: r.candidate,
    active: r.active,
    promoted: r.promoted === 1,
    reason: r.reason,
    samples: r.samples,
  }));
}

/**
 * How many of each ScaledJob's Jobs are running and finished, for the list. KEDA labels the Jobs it
 * creates `scaledjob.keda.sh/name=<scaled job>` and counts as running every one of them that is
 * neither Complete nor Failed: those count against `maxReplicaCount`.
 */
import { SCALED_JOB_NAME_LABEL } from './annotations.js';
import { jobPhase, type JobLike } from './scaled-job-details-jobs.js';

export interface OwnedJobCounts {
  /** Not yet Complete or Failed: KEDA's running count. */
  readonly running: number;
  /** Of the running ones, those without an active pod yet (or suspended). */
  readonly pending: number;
  readonly complete: number;
  readonly failed: number;
}

const sameCounts = (a: OwnedJobCounts, b: OwnedJobCounts) =>
  a.running === b.running && a.pending === b.pending && a.complete === b.complete && a.failed === b.failed;

/**
 * The counts of every ScaledJob's Jobs (`namespace/name`), counted again only when the Jobs change
 * (a new items array). A ScaledJob whose counts did not change keeps the same counts object, so
 * its list row is not rebuilt for another ScaledJob's Job.
 */
export class OwnedJobTally {
  private counted: readonly JobLike[] | undefined;
  private byOwner = new Map<string, OwnedJobCounts>();

  /** The counts of the ScaledJob `namespace/name` among `jobs`; undefined when it has no Job. */
  of(jobs: readonly JobLike[], namespace: string, name: string): OwnedJobCounts | undefined {
    if (jobs !== this.counted) this.recount(jobs);
    return this.byOwner.get(`${namespace}/${name}`);
  }

  private recount(jobs: readonly JobLike[]): void {
    const tallies = new Map<string, { running: number; pending: number; complete: number; failed: number }>();
    for (const job of jobs) {
      const owner = job.metadata.labels?.[SCALED_JOB_NAME_LABEL];
      if (!owner) continue;
      const key = `${job.metadata.namespace ?? ''}/${owner}`;
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = { running: 0, pending: 0, complete: 0, failed: 0 }));
      const phase = jobPhase(job);
      if (phase === 'Complete') tally.complete += 1;
      else if (phase === 'Failed') tally.failed += 1;
      else {
        tally.running += 1;
        if (phase !== 'Running') tally.pending += 1;
      }
    }
    const next = new Map<string, OwnedJobCounts>();
    for (const [key, tally] of tallies) {
      const previous = this.byOwner.get(key);
      next.set(key, previous && sameCounts(previous, tally) ? previous : tally);
    }
    this.byOwner = next;
    this.counted = jobs;
  }
}

/** `3 running (1 pending), 12 complete, 2 failed`, the parts that are not zero; `no Jobs` for none. */
export function ownedJobsSummary(counts: OwnedJobCounts | undefined): string {
  if (!counts) return 'no Jobs';
  const parts = [
    `${counts.running} running${counts.pending ? ` (${counts.pending} pending)` : ''}`,
    counts.complete ? `${counts.complete} complete` : '',
    counts.failed ? `${counts.failed} failed` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

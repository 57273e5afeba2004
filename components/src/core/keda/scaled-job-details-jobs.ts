/**
 * The Jobs a ScaledJob created, as rows: KEDA labels them `scaledjob.keda.sh/name=<sj>` and stamps
 * `scaledjob.keda.sh/generation` with the ScaledJob generation that made them (pkg/scaling/executor
 * scale_jobs.go). Running = no Complete/Failed condition True, as KEDA counts them.
 */
import { humanDuration } from '../kube/age.js';
import type { Condition, KubeObject } from '../kube/types.js';
import { KEDA_ANNOTATIONS, SCALED_JOB_NAME_LABEL } from './annotations.js';

export interface JobLike extends KubeObject {
  spec?: { completions?: number; parallelism?: number; suspend?: boolean };
  status?: {
    startTime?: string;
    completionTime?: string;
    active?: number;
    ready?: number;
    succeeded?: number;
    failed?: number;
    conditions?: Condition[];
  };
}

export type JobPhase = 'Complete' | 'Failed' | 'Running' | 'Pending' | 'Suspended';

export interface OwnedJobRow {
  name: string;
  namespace: string;
  phase: JobPhase;
  /** The reason and message of the Failed condition, when failed. */
  failure: string | undefined;
  startTime: string | undefined;
  /** kubectl's DURATION: completion − start, or now − start while running. */
  duration: string;
  /** kubectl's COMPLETIONS: `succeeded/completions` (`1/1`; `0/1 of 3` for parallel Jobs without completions). */
  completions: string;
  /** Created by an older generation of the ScaledJob (an `immediate` rollout deletes these). */
  previousGeneration: boolean;
  created: number;
}

const conditionTrue = (job: JobLike, type: string) =>
  job.status?.conditions?.find((c) => c.type === type && c.status === 'True');

export function jobPhase(job: JobLike): JobPhase {
  if (conditionTrue(job, 'Complete')) return 'Complete';
  if (conditionTrue(job, 'Failed')) return 'Failed';
  if (job.spec?.suspend) return 'Suspended';
  if ((job.status?.active ?? 0) > 0) return 'Running';
  return 'Pending';
}

/** The ScaledJob's Jobs, newest first, from everything known of Jobs in its namespace. */
export function ownedJobRows(
  jobs: readonly JobLike[],
  scaledJob: { name: string; namespace: string; generation: number | undefined },
  now: number,
): OwnedJobRow[] {
  return jobs
    .filter(
      (j) =>
        j.metadata.namespace === scaledJob.namespace &&
        j.metadata.labels?.[SCALED_JOB_NAME_LABEL] === scaledJob.name,
    )
    .map((job): OwnedJobRow => {
      const start = job.status?.startTime ? Date.parse(job.status.startTime) : NaN;
      const end = job.status?.completionTime ? Date.parse(job.status.completionTime) : NaN;
      const phase = jobPhase(job);
      const failed = conditionTrue(job, 'Failed');
      const finishedAt = Number.isNaN(end) ? (phase === 'Failed' || phase === 'Complete' ? NaN : now) : end;
      const generation = job.metadata.annotations?.[KEDA_ANNOTATIONS.scaledJobGeneration];
      const completions = job.spec?.completions;
      const created = job.metadata.creationTimestamp ? Date.parse(job.metadata.creationTimestamp) : NaN;
      return {
        name: job.metadata.name ?? '',
        namespace: job.metadata.namespace ?? '',
        phase,
        failure: failed ? [failed.reason, failed.message].filter(Boolean).join(': ') : undefined,
        startTime: job.status?.startTime,
        duration: Number.isNaN(start) || Number.isNaN(finishedAt) ? '—' : humanDuration(finishedAt - start),
        completions:
          completions !== undefined
            ? `${job.status?.succeeded ?? 0}/${completions}`
            : (job.spec?.parallelism ?? 0) > 1
              ? `${job.status?.succeeded ?? 0}/1 of ${job.spec?.parallelism}`
              : `${job.status?.succeeded ?? 0}/1`,
        previousGeneration:
          generation !== undefined &&
          scaledJob.generation !== undefined &&
          generation !== String(scaledJob.generation),
        created: Number.isNaN(created) ? 0 : created,
      };
    })
    .sort((a, b) => b.created - a.created || b.name.localeCompare(a.name));
}

/** Counts per phase, for the header (`3 running · 1 pending · 12 complete · 2 failed`). */
export function jobCounts(rows: readonly OwnedJobRow[]): Record<JobPhase, number> {
  const counts: Record<JobPhase, number> = { Complete: 0, Failed: 0, Running: 0, Pending: 0, Suspended: 0 };
  for (const row of rows) counts[row.phase] += 1;
  return counts;
}

import { css } from 'lit';

/** What the ScaledJob details add to the shared details look. */
export const scaledJobDetailsStyles = css`
  .jobs-count {
    color: var(--_muted);
    font-size: 0.92em;
  }
  .formula {
    margin: 10px 0 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .badge {
    font-size: 0.75em;
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0 4px;
    color: var(--_muted);
  }
  .job {
    font-weight: 600;
  }
  .job.complete {
    color: var(--_ok);
  }
  .job.failed {
    color: var(--_error);
  }
  .job.running {
    color: var(--_accent);
  }
  .job.pending,
  .job.suspended {
    color: var(--_warn);
  }
  .kv li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 8px;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 2px;
  }
`;

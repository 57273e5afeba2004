import { css } from 'lit';

/** The state pill (`<span class="state active">Active</span>`) every view colours the same way. */
export const statePillStyles = css`
  .state {
    display: inline-block;
    padding: 2px 8px;
    border-radius: 999px;
    font-size: 0.84em;
    font-weight: 600;
    border: 1px solid currentColor;
    line-height: 1.4;
  }
  .state.active {
    color: var(--_ok);
  }
  .state.ready,
  .state.pending,
  .state.unknown {
    color: var(--_muted);
  }
  .state.cooldown {
    color: var(--_info);
  }
  .state.paused,
  .state.fallback,
  .state.degraded {
    color: var(--_warn);
  }
  .state.error {
    color: var(--_error);
  }
  /* A flag beside the pill for an annotation in force (force-activation). */
  .state-flag {
    display: inline-block;
    padding: 2px 6px;
    border-radius: 999px;
    font-size: 0.76em;
    font-weight: 600;
    border: 1px dashed currentColor;
    line-height: 1.4;
  }
  .state-flag.forced {
    color: var(--_ok);
  }
`;

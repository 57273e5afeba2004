import { css } from 'lit';

/** What the TriggerAuthentication details add to the shared details look. */
export const triggerAuthDetailsStyles = css`
  .kv.inline {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 14px;
  }
  .kv.inline li {
    display: flex;
    gap: 6px;
  }
  .row-actions {
    display: flex;
    justify-content: flex-end;
    margin-top: 10px;
  }
  section > p + table {
    margin-top: 8px;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 2px;
  }
`;

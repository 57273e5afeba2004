import { css } from 'lit';

/** What the live charts share: the toolbar, the plot box, the states and the visually hidden text alternative. */
export const chartStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
    min-height: 28px;
    margin-bottom: 2px;
  }
  .title {
    font-weight: 600;
    font-size: 0.92em;
    overflow-wrap: anywhere;
  }
  .sub {
    color: var(--_muted);
    font-size: 0.84em;
  }
  .latest {
    font-variant-numeric: tabular-nums;
    font-size: 0.88em;
  }
  .latest strong {
    font-size: 1.15em;
  }
  .tools {
    margin-left: auto;
    display: flex;
    gap: 4px;
  }
  button {
    font: inherit;
    font-size: 0.82em;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 2px 8px;
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    color: var(--_warn);
    border-color: currentColor;
  }
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .plot {
    width: 100%;
    height: var(--keda-chart-height, 200px);
  }
  .state-box {
    height: var(--keda-chart-height, 200px);
    display: grid;
    place-content: center;
    text-align: center;
    gap: 4px;
    border: 1px dashed var(--_border);
    border-radius: 8px;
    color: var(--_muted);
    padding: 0 16px;
  }
  .state-box.error {
    color: var(--_error);
    border-color: currentColor;
  }
  .state-box .api-message {
    font-family: var(--_mono);
    font-size: 0.88em;
    color: var(--_fg);
    overflow-wrap: anywhere;
  }
  /* A box of its own: a table is never narrower than its content, so it would widen the page. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

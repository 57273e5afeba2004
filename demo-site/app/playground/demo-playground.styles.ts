import { css } from 'lit';

export const playgroundStyles = css`
  :host {
    display: block;
    color: var(--keda-fg, CanvasText);
    font-family: var(--keda-font, system-ui, sans-serif);
    font-size: 13px;
    --_muted: var(--keda-muted, GrayText);
    --_border: var(--keda-border, #ccc);
    --_accent: var(--keda-accent, light-dark(#2860d4, #7aa7ff));
    --_bg: var(--keda-bg, Canvas);
    --_surface: var(--keda-surface, Canvas);
    --_error: var(--keda-error, light-dark(#b3261e, #ff8a80));
    --_warn: var(--keda-warn, light-dark(#9a5b00, #f2b04c));
  }
  * {
    box-sizing: border-box;
  }
  header h2 {
    margin: 0 0 2px;
    font-size: 16px;
  }
  header p {
    margin: 0 0 12px;
    color: var(--_muted);
  }
  h3 {
    margin: 0;
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--_muted);
    font-weight: 650;
  }
  a {
    color: var(--_accent);
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
  button,
  select,
  input[type='number'],
  input[type='search'] {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 4px 8px;
  }
  button {
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  :is(button, select, input, a):focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .clock {
    display: flex;
    align-items: flex-end;
    gap: 10px;
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    margin-bottom: 14px;
  }
  .clock > div {
    flex: 1;
  }
  .clock label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    color: var(--_muted);
    font-size: 12px;
  }
  .time {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    margin-top: 4px;
  }
  .section-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 8px;
  }
  .section-head input {
    width: 150px;
  }
  .sources {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 10px;
  }
  .source {
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
  }
  .source.focused {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .this-page {
    color: var(--_accent);
    font-size: 11.5px;
    font-weight: 650;
    margin-bottom: 4px;
  }
  .source.failing {
    border-color: var(--_error);
  }
  .source-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
  }
  .type {
    font-weight: 650;
  }
  .value {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .key {
    font-family: ui-monospace, Menlo, Consolas, monospace;
    font-size: 11.5px;
    color: var(--_muted);
    overflow-wrap: anywhere;
    margin: 2px 0 4px;
  }
  .users {
    margin-bottom: 6px;
  }
  .muted,
  .hint {
    color: var(--_muted);
  }
  .hint {
    margin: 6px 0;
  }
  .control {
    display: grid;
    grid-template-columns: 74px 1fr 72px;
    align-items: center;
    gap: 8px;
    margin: 4px 0;
  }
  .control label {
    color: var(--_muted);
  }
  .control input[type='range'] {
    width: 100%;
    accent-color: var(--_accent);
  }
  .control input[type='number'] {
    width: 100%;
    padding: 2px 6px;
  }
  .rate {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .bursts {
    display: flex;
    gap: 6px;
    margin: 6px 0;
  }
  .break {
    display: flex;
    align-items: center;
    gap: 6px;
    margin-top: 6px;
    color: var(--_warn);
    font-weight: 600;
    cursor: pointer;
  }
  .break input {
    accent-color: var(--_error);
  }
  .failure {
    margin: 4px 0 0;
    color: var(--_error);
    overflow-wrap: anywhere;
  }
  .error {
    color: var(--_error);
    border: 1px solid var(--_error);
    border-radius: 6px;
    padding: 6px 10px;
  }
`;

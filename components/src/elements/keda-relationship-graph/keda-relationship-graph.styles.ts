import { css } from 'lit';

export const graphStyles = css`
  :host {
    display: block;
    position: relative;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding: 6px 0 8px;
  }
  .toolbar .spacer {
    flex: 1;
  }
  .toolbar .summary {
    color: var(--_muted);
    font-size: 0.92em;
  }
  .focus-chip {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 2px 4px 2px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
  }
  button {
    font: inherit;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 3px 10px;
    cursor: pointer;
    min-width: 32px;
  }
  button:hover {
    border-color: var(--_accent);
  }
  button:focus-visible,
  .canvas:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  button[aria-pressed='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .stage {
    position: relative;
    height: var(--keda-graph-height, 70vh);
    min-height: 320px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_bg);
    overflow: hidden;
  }
  .canvas {
    position: absolute;
    inset: 0;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    padding: 8px 2px 0;
    color: var(--_muted);
    font-size: 0.86em;
  }
  .legend span::before {
    content: '';
    display: inline-block;
    width: 10px;
    height: 10px;
    margin-right: 5px;
    border-radius: 3px;
    border: 2px solid var(--swatch);
    vertical-align: -1px;
  }
  .tooltip {
    position: absolute;
    z-index: 2;
    max-width: 360px;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 4px 16px color-mix(in srgb, var(--_fg) 18%, transparent);
    pointer-events: none;
    font-size: 0.88em;
  }
  .tooltip strong {
    display: block;
    overflow-wrap: anywhere;
  }
  .tooltip .caption {
    color: var(--_muted);
  }
  .tooltip dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 2px 10px;
    margin: 6px 0 0;
  }
  .tooltip dt {
    color: var(--_muted);
  }
  .tooltip dd {
    margin: 0;
    overflow-wrap: anywhere;
    font-family: var(--_mono);
    font-size: 0.95em;
  }
  .message {
    padding: 24px;
    border: 1px dashed var(--_border);
    border-radius: 8px;
  }
  .message h3 {
    margin: 0 0 8px;
  }
  .api-message {
    font-family: var(--_mono);
    color: var(--_error);
    overflow-wrap: anywhere;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .list ol {
    margin: 0;
    padding-left: 20px;
  }
  .list li {
    margin: 4px 0;
  }
  .list .caption,
  .list .rel {
    color: var(--_muted);
  }
  .list h3 {
    margin: 14px 0 4px;
    font-size: 1em;
  }
  .list-view {
    max-height: var(--keda-graph-height, 70vh);
    overflow: auto;
    padding: 8px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
  }
`;

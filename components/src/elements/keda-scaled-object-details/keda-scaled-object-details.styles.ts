import { css } from 'lit';

export const detailsStyles = css`
  :host {
    display: block;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 10px 16px;
    margin-bottom: 14px;
  }
  h2 {
    margin: 0;
    font-size: 1.35em;
    overflow-wrap: anywhere;
  }
  .ns {
    color: var(--_muted);
  }
  .summary {
    flex-basis: 100%;
    margin: 0;
    white-space: pre-line;
    color: var(--_muted);
  }
  .actions {
    margin-left: auto;
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }
  button {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 5px 12px;
    cursor: pointer;
  }
  .button-link {
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 5px 12px;
    text-decoration: none;
  }
  .button-link:hover {
    background: var(--_surface);
  }
  button:hover:not(:disabled) {
    background: var(--_surface);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button.danger {
    color: var(--_error);
    border-color: color-mix(in srgb, var(--_error) 45%, var(--_border));
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .layout {
    display: flex;
    flex-direction: column;
    gap: 14px;
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
    gap: 14px;
  }
  section {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 12px 16px 14px;
    min-width: 0;
  }
  section.wide {
    grid-column: 1 / -1;
  }
  h3 {
    margin: 0 0 10px;
    font-size: 0.8em;
    letter-spacing: 0.05em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 16px;
    margin: 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .default {
    color: var(--_muted);
    font-size: 0.86em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  table + table {
    margin-top: 10px;
  }
  th,
  td {
    text-align: left;
    padding: 6px 8px;
    border-top: 1px solid var(--_border);
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  th {
    white-space: nowrap;
    overflow-wrap: normal;
    border-top: none;
    font-size: 0.78em;
    letter-spacing: 0.04em;
    color: var(--_muted);
    font-weight: 600;
  }
  .mono,
  code {
    font-family: var(--_mono);
    font-size: 0.92em;
  }
  .kv {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 2px;
  }
  .kv span:first-child {
    color: var(--_muted);
  }
  .none {
    color: var(--_muted);
  }
  td .none {
    white-space: nowrap;
  }
  .yes {
    color: var(--_ok);
  }
  .warn {
    color: var(--_warn);
  }
  .bad {
    color: var(--_error);
  }
  .notice {
    border-radius: 8px;
    padding: 10px 14px;
    margin: 0 0 12px;
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .notice.error {
    border-color: color-mix(in srgb, var(--_error) 45%, var(--_border));
  }
  .notice.error strong {
    color: var(--_error);
  }
  .message {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 20px 24px;
    background: var(--_bg);
  }
  .message h2 {
    font-size: 1.05em;
    margin-bottom: 6px;
  }
  .message p {
    margin: 4px 0;
    color: var(--_muted);
  }
  .api-message {
    font-family: var(--_mono);
    white-space: pre-wrap;
  }
  dialog {
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 18px 20px;
    max-width: 460px;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  dialog h4 {
    margin: 0 0 8px;
    font-size: 1.05em;
  }
  dialog p {
    margin: 0 0 12px;
  }
  dialog label {
    display: grid;
    gap: 4px;
    margin-bottom: 12px;
  }
  dialog input {
    font: inherit;
    padding: 5px 8px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_bg);
    color: var(--_fg);
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
  }
  .field-error {
    color: var(--_error);
    font-size: 0.88em;
  }
`;

import { css } from 'lit';

export const yamlEditorStyles = css`
  :host {
    display: block;
    --_syntax-key: var(--keda-syntax-key, light-dark(#1d5fc9, #8ab4ff));
    --_syntax-string: var(--keda-syntax-string, light-dark(#16794c, #7fd8a4));
    --_syntax-meta: var(--keda-syntax-meta, light-dark(#8a3ab9, #d2a8ff));
  }
  [hidden] {
    display: none !important;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 6px 14px;
    margin-bottom: 10px;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    overflow-wrap: anywhere;
  }
  h3 {
    margin: 0 0 6px;
    font-size: 1em;
  }
  .muted,
  .ns {
    color: var(--_muted);
  }
  .live {
    margin-left: auto;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .live.ok::before,
  .live.warn::before {
    content: '●';
    margin-right: 4px;
  }
  .live.ok::before {
    color: var(--_ok);
  }
  .live.warn::before {
    color: var(--_warn);
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
  button:hover:not(:disabled) {
    background: var(--_surface);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    color: var(--_error);
    border-color: color-mix(in srgb, var(--_error) 45%, var(--_border));
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
  button:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .notice {
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_info);
    border-radius: 6px;
    padding: 8px 12px;
    margin: 0 0 10px;
    background: var(--_surface);
  }
  .notice p {
    margin: 4px 0;
  }
  .notice.success {
    border-left-color: var(--_ok);
  }
  .notice.warning {
    border-left-color: var(--_warn);
  }
  .notice.error {
    border-left-color: var(--_error);
  }
  .notice.prominent {
    border: 2px solid var(--_error);
    border-left-width: 6px;
    background: color-mix(in srgb, var(--_error) 8%, var(--_bg));
  }
  .notice .actions,
  footer {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 8px;
  }
  .api-message {
    font-family: var(--_mono);
    font-size: 0.92em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .editor {
    height: var(--keda-editor-height, 28em);
    min-height: 12em;
    resize: vertical;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  .editor.readonly {
    background: var(--_surface);
  }
  .help {
    margin: 4px 0 10px;
    color: var(--_muted);
    font-size: 0.88em;
  }
  .problems {
    margin: 0 0 10px;
  }
  .problems ul {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 14em;
    overflow: auto;
  }
  .problems li {
    display: flex;
    gap: 10px;
    align-items: baseline;
    padding: 3px 0;
    border-bottom: 1px solid var(--_border);
  }
  .problems li .where {
    white-space: nowrap;
    font-family: var(--_mono);
    font-size: 0.88em;
  }
  .problems .error .severity {
    color: var(--_error);
  }
  .problems .warning .severity {
    color: var(--_warn);
  }
  .problems .hint {
    color: var(--_muted);
  }
  .problems .text {
    overflow-wrap: anywhere;
  }
  .problems .text .said {
    /* KEDA's messages can span lines (scalingModifiers); the template's own spacing must not. */
    white-space: pre-wrap;
  }
  .diff {
    margin: 6px 0;
    padding: 6px 0;
    border: 1px solid var(--_border);
    border-radius: 6px;
    font-family: var(--_mono);
    font-size: 0.88em;
    max-height: 24em;
    overflow: auto;
    background: var(--_bg);
  }
  .diff div {
    white-space: pre;
    padding: 0 10px;
  }
  .diff .add {
    background: color-mix(in srgb, var(--_ok) 14%, transparent);
  }
  .diff .del {
    background: color-mix(in srgb, var(--_error) 14%, transparent);
  }
  .diff .gap {
    color: var(--_muted);
  }
  .conflicts {
    margin: 6px 0;
    padding-left: 1.2em;
  }
  .conflicts code,
  code {
    font-family: var(--_mono);
    overflow-wrap: anywhere;
  }
  footer {
    justify-content: flex-end;
    align-items: center;
  }
  footer .count {
    margin-right: auto;
    color: var(--_muted);
  }
  details.status {
    margin-top: 12px;
  }
  details.status pre {
    font-family: var(--_mono);
    font-size: 0.88em;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 8px 10px;
    overflow: auto;
    max-height: 20em;
  }
  .message {
    padding: 24px;
    text-align: center;
    border: 1px dashed var(--_border);
    border-radius: 8px;
  }
  .message h2 {
    margin-bottom: 8px;
  }
`;

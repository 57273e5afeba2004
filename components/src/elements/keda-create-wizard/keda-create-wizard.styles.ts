import { css } from 'lit';

export const wizardStyles = css`
  :host {
    display: block;
    max-width: 980px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  header {
    display: flex;
    align-items: baseline;
    gap: 12px;
    margin-bottom: 10px;
  }
  h2 {
    margin: 0;
    font-size: 1.35em;
  }
  h3 {
    margin: 0 0 4px;
    font-size: 1.1em;
  }
  h3:focus {
    outline: none;
  }
  h3:focus-visible {
    outline: 2px solid var(--_accent);
  }
  h4 {
    margin: 0 0 6px;
    font-size: 1em;
  }
  .muted,
  .help {
    color: var(--_muted);
  }
  .help {
    margin: 2px 0 0;
    font-size: 0.86em;
  }
  .lead,
  .intro {
    color: var(--_muted);
    margin: 0 0 14px;
  }
  code,
  .mono,
  .api-message,
  pre {
    font-family: var(--_mono);
    font-size: 0.92em;
  }
  .api-message {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  /* steps */
  .steps {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0 0 14px;
    padding: 0;
  }
  .steps button {
    border-radius: 999px;
    padding: 4px 12px 4px 6px;
  }
  .steps button[aria-current='step'] {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  .steps button.has-error {
    border-color: var(--_error);
  }
  .num {
    display: inline-grid;
    place-items: center;
    width: 1.5em;
    height: 1.5em;
    border-radius: 50%;
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-size: 0.85em;
    margin-right: 4px;
  }
  .steps button.has-error .num {
    border-color: var(--_error);
    color: var(--_error);
  }
  .step {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 16px 18px 18px;
  }
  footer {
    display: flex;
    gap: 8px;
    justify-content: flex-end;
    margin-top: 12px;
  }
  footer [data-action='back'] {
    margin-right: auto;
  }

  /* controls */
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
  }
  button {
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
  button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 85%, black);
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
    text-align: left;
  }
  input,
  select,
  textarea {
    padding: 5px 8px;
    min-height: 32px;
    box-sizing: border-box;
    width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: auto;
    min-height: 0;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  a:focus-visible,
  pre:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  a {
    color: var(--_accent);
  }
  .field {
    display: grid;
    gap: 3px;
    margin-bottom: 12px;
    align-content: start;
  }
  .field > label {
    font-weight: 600;
    font-size: 0.92em;
  }
  .field.check label,
  label.check {
    display: flex;
    gap: 8px;
    align-items: center;
    font-weight: normal;
  }
  .grid-2,
  .grid-3 {
    display: grid;
    gap: 0 16px;
  }
  .grid-2 {
    grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
  }
  .grid-3 {
    grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 10px 14px;
    margin: 0 0 14px;
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  .choices {
    display: grid;
    gap: 6px;
  }
  .choices.inline {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 18px;
    border: none;
    padding: 0;
    margin: 8px 0 10px;
  }
  .choices.inline > legend {
    padding: 0;
  }
  .choice {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    cursor: pointer;
  }
  .choice > span {
    display: grid;
  }
  .segmented {
    display: inline-flex;
    flex-wrap: wrap;
    margin: 0 0 12px;
  }
  .segmented button {
    border-radius: 0;
    margin-left: -1px;
  }
  .segmented button:first-child {
    border-radius: 6px 0 0 6px;
    margin-left: 0;
  }
  .segmented button:last-child {
    border-radius: 0 6px 6px 0;
  }
  .segmented button[aria-pressed='true'] {
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    border-color: var(--_accent);
    position: relative;
  }
  .segmented.small {
    margin: 4px 0;
    gap: 4px;
  }
  .segmented.small button {
    padding: 2px 8px;
    font-size: 0.86em;
    border-radius: 6px;
    margin-left: 0;
  }
  .trigger > .help,
  .trigger > .field-messages {
    margin-bottom: 10px;
  }
  .field-messages p {
    margin: 2px 0 0;
    font-size: 0.88em;
  }
  .field-error {
    color: var(--_error);
  }
  .field-warning {
    color: var(--_warn);
  }
  .api-tag {
    font-weight: 600;
  }
  .issue-summary {
    border: 1px solid color-mix(in srgb, var(--_error) 45%, var(--_border));
    border-radius: 8px;
    padding: 8px 14px;
    margin-bottom: 14px;
    background: color-mix(in srgb, var(--_error) 6%, var(--_bg));
  }
  .issue-summary p {
    margin: 0 0 4px;
  }
  .issue-summary ul {
    margin: 0;
    padding-left: 18px;
  }
  /* A long message wraps inside its button: keep the list marker on its first line. */
  li > button.link {
    vertical-align: top;
  }
  .notice {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 10px 14px;
    margin: 0 0 12px;
    background: var(--_surface);
  }
  .notice.error {
    border-color: color-mix(in srgb, var(--_error) 45%, var(--_border));
  }
  .notice.error strong {
    color: var(--_error);
  }
  .notice p {
    margin: 4px 0 0;
  }
  .badge {
    display: inline-block;
    font-size: 0.75em;
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid var(--_border);
    color: var(--_muted);
  }
  .badge.info {
    color: var(--_info);
    border-color: currentColor;
  }
  .badge.warn {
    color: var(--_warn);
    border-color: currentColor;
  }

  /* target */
  .workload-list {
    display: grid;
    gap: 4px;
    max-height: 320px;
    overflow: auto;
  }
  .workload {
    display: grid;
    grid-template-columns: auto 1fr auto auto;
    gap: 10px;
    align-items: center;
    padding: 5px 8px;
    border-radius: 6px;
    cursor: pointer;
  }
  .workload:hover,
  .workload.selected {
    background: var(--_surface);
  }
  .workload-name {
    overflow-wrap: anywhere;
  }
  .env-row {
    display: grid;
    grid-template-columns: 1fr 1fr auto;
    gap: 6px;
    margin-bottom: 6px;
  }
  .env-row .field-messages {
    grid-column: 1 / -1;
  }

  /* triggers */
  .trigger,
  .trigger-auth,
  .new-auth,
  .picker,
  .object,
  .what-if {
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 12px 14px;
    margin-bottom: 14px;
  }
  .trigger header,
  .object header {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 10px;
    margin: 0;
  }
  .params {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
    gap: 4px 16px;
    margin-top: 8px;
  }
  .param {
    margin-bottom: 10px;
    min-width: 0;
  }
  .param-head {
    display: flex;
    gap: 6px;
    align-items: baseline;
    flex-wrap: wrap;
  }
  details.optional summary,
  details.points summary {
    cursor: pointer;
    color: var(--_accent);
    margin: 6px 0;
  }
  .picker-controls {
    display: grid;
    grid-template-columns: 1fr 220px;
    gap: 8px;
  }
  .picker-results {
    list-style: none;
    padding: 0;
    margin: 6px 0 0;
    max-height: 360px;
    overflow: auto;
    display: grid;
    gap: 2px;
  }
  .picker-item {
    width: 100%;
    text-align: left;
    border-color: transparent;
    display: grid;
    grid-template-columns: minmax(140px, max-content) auto auto 1fr;
    gap: 2px 10px;
    align-items: baseline;
  }
  .picker-desc {
    grid-column: 1 / -1;
    color: var(--_muted);
    font-size: 0.86em;
  }
  button.add {
    margin-top: 4px;
  }

  /* auth */
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 5px 8px;
    border-top: 1px solid var(--_border);
    vertical-align: top;
  }
  tbody th[scope='row'] {
    /* on the baseline of the inputs beside it */
    padding-top: calc(5px + 0.5em);
  }
  thead th {
    border-top: none;
    color: var(--_muted);
    font-size: 0.85em;
  }

  /* advanced */
  .group {
    margin-bottom: 14px;
  }
  .what-if-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    margin-bottom: 8px;
  }
  .what-if-controls .segmented {
    margin: 0;
  }
  .inline-field {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  .inline-field input {
    width: 7em;
  }

  /* review */
  pre.yaml {
    background: var(--_surface);
    border-radius: 6px;
    padding: 10px 12px;
    overflow: auto;
    max-height: 360px;
    margin: 8px 0 0;
  }
  .status {
    font-size: 0.9em;
    color: var(--_muted);
  }
  .status.ok {
    color: var(--_ok);
  }
  .status.bad {
    color: var(--_error);
  }
  .api-problems {
    margin: 8px 0 0;
    padding-left: 18px;
    color: var(--_error);
  }
  .review-actions {
    display: flex;
    gap: 8px;
    justify-content: flex-end;
  }
  .outcome {
    border-radius: 8px;
    padding: 10px 14px;
    margin-bottom: 14px;
    border: 1px solid var(--_border);
  }
  .outcome.ok {
    border-color: color-mix(in srgb, var(--_ok) 50%, var(--_border));
  }
  .outcome.bad {
    border-color: color-mix(in srgb, var(--_error) 50%, var(--_border));
  }
  .outcome p {
    margin: 6px 0;
  }
`;

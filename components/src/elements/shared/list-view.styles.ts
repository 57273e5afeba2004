import { css, unsafeCSS, type CSSResult } from 'lit';
import { statePillStyles } from '../../styles/state-pill.js';
import { LIST_ROW_HEIGHT, SELECT_TRACK } from './list-view.js';

/**
 * Styles of a list. The table sets `--_grid` (the column tracks, selection and cluster columns
 * included) and `--_row-min` (the sum of the columns' minimum widths) on its scroller, so every
 * row's fr tracks resolve the same and the columns line up.
 */
export function listStyles(): CSSResult[] {
  const height = unsafeCSS(`${LIST_ROW_HEIGHT}px`);
  return [
    statePillStyles,
    css`
      :host {
        display: block;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
        margin-bottom: 8px;
      }
      .filter {
        flex: 1 1 360px;
        max-width: 640px;
      }
      input[type='search'],
      .ns-button {
        font: inherit;
        color: var(--_fg);
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: 6px;
        padding: 6px 10px;
        min-height: 34px;
      }
      input[type='search'] {
        width: 100%;
        box-sizing: border-box;
      }
      input[aria-invalid='true'] {
        border-color: var(--_error);
      }
      input:focus-visible,
      button:focus-visible,
      a:focus-visible {
        outline: 2px solid var(--_accent);
        outline-offset: 1px;
      }
      .namespaces {
        position: relative;
      }
      .ns-button {
        cursor: pointer;
        max-width: 360px;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .ns-label {
        color: var(--_muted);
      }
      .ns-menu {
        position: absolute;
        z-index: 3;
        top: calc(100% + 4px);
        left: 0;
        min-width: 220px;
        max-height: 320px;
        overflow: auto;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: 8px;
        box-shadow: 0 8px 24px color-mix(in srgb, black 18%, transparent);
        padding: 6px;
      }
      .ns-option {
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 5px 8px;
        border-radius: 4px;
        cursor: pointer;
      }
      .ns-option:hover {
        background: var(--_surface);
      }
      .count {
        color: var(--_muted);
        font-size: 0.9em;
        font-variant-numeric: tabular-nums;
      }
      .filter-errors {
        flex-basis: 100%;
        color: var(--_error);
        font-size: 0.88em;
        display: flex;
        gap: 12px;
      }
      .filter-errors:empty {
        display: none;
      }
      .status {
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: 24px;
        color: var(--_muted);
        font-size: 0.86em;
        padding: 0 2px 6px;
        margin: 0;
      }
      .status.warning {
        color: var(--_warn);
      }
      .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: var(--_muted);
        flex: none;
      }
      .dot.live {
        background: var(--_ok);
      }
      .dot.reconnecting {
        background: var(--_warn);
      }
      .dot.error {
        background: var(--_error);
      }
      .scroller {
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: 8px;
        overflow: auto;
        max-height: var(--keda-list-max-height, 70vh);
        overscroll-behavior: contain;
        /*
         * The rendered rows are reused for other objects as the window moves; scroll anchoring
         * would follow a reused row and scroll on by itself.
         */
        overflow-anchor: none;
      }
      .row {
        display: grid;
        grid-template-columns: var(--_grid);
        align-items: center;
        height: ${height};
        box-sizing: border-box;
        border-top: 1px solid var(--_border);
        min-width: var(--_row-min);
        contain: layout style;
      }
      .row.checked {
        background: color-mix(in srgb, var(--_accent) 10%, transparent);
      }
      /*
       * While a wide table is scrolled sideways (the scroller is then marked data-scrolled-x), the
       * selection box and the name stay in view, opaque in their row's colour over the cells
       * passing beneath, with an edge. Only then: sticky cells cost every keystroke's repaint.
       */
      [data-scrolled-x] .row > :nth-child(-n + 2) {
        position: sticky;
        left: 0;
        z-index: 1;
        align-self: stretch;
        background: var(--_bg);
      }
      [data-scrolled-x] .row > :nth-child(2) {
        left: ${unsafeCSS(SELECT_TRACK)};
        /* stretched to the row's height to cover it; the text stays centred */
        line-height: calc(${height} - 1px);
        box-shadow:
          1px 0 0 var(--_border),
          6px 0 6px -6px color-mix(in srgb, black 30%, transparent);
      }
      [data-scrolled-x] .row.header > :nth-child(-n + 2),
      [data-scrolled-x] .row:not(.header):hover > :nth-child(-n + 2) {
        background: var(--_surface);
      }
      [data-scrolled-x] .row.checked > :nth-child(-n + 2) {
        background: color-mix(in srgb, var(--_accent) 10%, var(--_bg));
      }
      .select {
        display: flex;
        align-items: center;
        justify-content: center;
        padding: 0;
      }
      .select input {
        width: 16px;
        height: 16px;
        margin: 0;
        accent-color: var(--_accent);
        cursor: pointer;
      }
      .cluster {
        color: var(--_muted);
      }
      .bulk {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        padding: 6px 10px;
        margin-bottom: 8px;
        border: 1px solid color-mix(in srgb, var(--_accent) 45%, var(--_border));
        background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
        border-radius: 8px;
      }
      .bulk-count {
        font-weight: 600;
        margin-right: 8px;
        font-variant-numeric: tabular-nums;
      }
      .bulk button,
      .bulk-report button,
      dialog.confirm button {
        font: inherit;
        font-size: 0.92em;
        color: var(--_fg);
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: 6px;
        padding: 4px 12px;
        min-height: 30px;
        cursor: pointer;
      }
      .bulk button:hover:not(:disabled),
      .bulk-report button:hover,
      dialog.confirm button:hover {
        border-color: var(--_accent);
      }
      .bulk button:disabled {
        opacity: 0.55;
        cursor: default;
      }
      .bulk button.delete,
      dialog.confirm button.danger {
        color: var(--_error);
        border-color: color-mix(in srgb, var(--_error) 50%, var(--_border));
      }
      dialog.confirm button.danger {
        color: var(--_bg);
        background: var(--_error);
      }
      .bulk .bulk-clear {
        margin-left: auto;
        border-color: transparent;
        background: transparent;
        color: var(--_muted);
      }
      .bulk-report {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        gap: 4px 12px;
        padding: 8px 12px;
        margin-bottom: 8px;
        border-radius: 8px;
        border: 1px solid var(--_border);
        font-size: 0.92em;
      }
      .bulk-report.failed {
        border-color: color-mix(in srgb, var(--_error) 45%, var(--_border));
      }
      .bulk-report p {
        margin: 0;
        flex: 1 1 auto;
      }
      .bulk-report .muted,
      dialog.confirm .muted {
        color: var(--_muted);
      }
      .failures {
        flex-basis: 100%;
        order: 3;
        margin: 0;
        padding-left: 18px;
      }
      .failures li {
        margin: 4px 0;
      }
      .failure-name {
        font-weight: 600;
        margin-right: 6px;
      }
      .failures .api-message {
        color: var(--_error);
      }
      .failures .hint {
        display: block;
        color: var(--_muted);
      }
      dialog.confirm {
        color: var(--_fg);
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: 10px;
        padding: 18px 22px;
        max-width: min(560px, 90vw);
        box-shadow: 0 16px 40px color-mix(in srgb, black 30%, transparent);
      }
      dialog.confirm::backdrop {
        background: color-mix(in srgb, black 40%, transparent);
      }
      dialog.confirm h2 {
        margin: 0 0 8px;
        font-size: 1.1em;
      }
      dialog.confirm p {
        margin: 0 0 8px;
        color: var(--_muted);
      }
      .confirm-names {
        max-height: 40vh;
        overflow: auto;
        margin: 0 0 14px;
        padding: 6px 6px 6px 24px;
        border: 1px solid var(--_border);
        border-radius: 6px;
        font-family: var(--_mono);
        font-size: 0.9em;
      }
      .confirm-buttons {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
      }
      .row.header {
        border-top: none;
        background: var(--_surface);
        position: sticky;
        top: 0;
        z-index: 2;
      }
      .row.header button,
      .row.header .plain {
        all: unset;
        display: inline-flex;
        align-items: center;
        gap: 4px;
        cursor: pointer;
        font-size: 0.78em;
        font-weight: 600;
        letter-spacing: 0.04em;
        color: var(--_muted);
        border-radius: 3px;
      }
      .row.header button:hover {
        color: var(--_fg);
      }
      .row.header button:focus-visible {
        outline: 2px solid var(--_accent);
      }
      .sort-mark {
        font-size: 0.85em;
        color: var(--_accent);
      }
      .sort-mark:empty {
        display: none;
      }
      .row:not(.header):hover {
        background: var(--_surface);
      }
      .row.changed {
        animation: flash 2.5s ease-out;
      }
      [data-scrolled-x] .row.changed > :nth-child(-n + 2) {
        animation: flash-opaque 2.5s ease-out;
      }
      @keyframes flash-opaque {
        from {
          background: color-mix(in srgb, var(--_accent) 10%, var(--_bg));
        }
        to {
          background: var(--_bg);
        }
      }
      @keyframes flash {
        from {
          /* light enough that every text colour keeps 4.5:1 at the flash's peak */
          background: color-mix(in srgb, var(--_accent) 10%, transparent);
        }
        to {
          background: transparent;
        }
      }
      .no-match {
        padding: 18px 12px;
        color: var(--_muted);
      }
      [role='cell'],
      [role='columnheader'] {
        padding: 0 6px;
        white-space: nowrap;
        min-width: 0;
      }
      /* Each clipped cell is a paint layer and a clip of its own: cells whose text surely fits
         (a closed vocabulary, or measured against the column) are marked .fits and skip it. */
      [role='columnheader'],
      [role='cell']:not(.fits) {
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .numeric {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .name {
        font-weight: 600;
      }
      .name a {
        color: var(--_accent);
        text-decoration: none;
      }
      .name a:hover {
        text-decoration: underline;
      }
      .mono {
        font-family: var(--_mono);
        font-size: 0.92em;
      }
      .none {
        color: var(--_muted);
      }
      /* A condition status: one coloured text box (a drawn dot costs a gradient image per cell). */
      [role='cell'].condition {
        font-size: 0.9em;
      }
      .condition.true {
        color: var(--_ok);
      }
      .condition.false {
        color: var(--_muted);
      }
      .condition.unknown {
        color: var(--_warn);
      }
      .condition.alert.true {
        color: var(--_warn);
      }
      .condition.ready.false {
        color: var(--_error);
      }
      .message {
        border: 1px solid var(--_border);
        border-radius: 8px;
        padding: 20px 24px;
        background: var(--_bg);
      }
      .message h2 {
        margin: 0 0 6px;
        font-size: 1.05em;
      }
      .message p {
        margin: 4px 0;
        color: var(--_muted);
      }
      .message.error {
        border-color: color-mix(in srgb, var(--_error) 45%, var(--_border));
      }
      .message.error h2 {
        color: var(--_error);
      }
      .api-message {
        font-family: var(--_mono);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .message .api-message {
        color: var(--_fg);
      }
      code {
        font-family: var(--_mono);
        font-size: 0.92em;
      }
      .skeleton {
        height: 12px;
        border-radius: 4px;
        background: linear-gradient(90deg, var(--_surface), var(--_border), var(--_surface));
        background-size: 200% 100%;
        animation: shimmer 1.4s ease-in-out infinite;
      }
      @keyframes shimmer {
        from {
          background-position: 200% 0;
        }
        to {
          background-position: -200% 0;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .skeleton,
        .row.changed {
          animation: none;
        }
      }
    `,
  ];
}

import { css, unsafeCSS, type CSSResult } from 'lit';
import { statePillStyles } from '../../styles/state-pill.js';
import type { ListColumn } from '../../core/list/select.js';
import { LIST_ROW_HEIGHT } from './list-view.js';

/**
 * Styles of a list with these columns. Every row gets the sum of the columns' minimum widths (or
 * more), so the fr tracks of all rows resolve the same and the columns line up.
 */
export function listStyles(columns: ReadonlyArray<ListColumn<string>>): CSSResult[] {
  const gridColumns = unsafeCSS(columns.map((c) => c.width).join(' '));
  const minRowWidth = columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 0), 0);
  const height = unsafeCSS(`${LIST_ROW_HEIGHT}px`);
  const rowWidth = unsafeCSS(`${minRowWidth}px`);
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
      }
      .row {
        display: grid;
        grid-template-columns: ${gridColumns};
        align-items: center;
        height: ${height};
        box-sizing: border-box;
        border-top: 1px solid var(--_border);
        min-width: ${rowWidth};
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
      .row:not(.header):hover {
        background: var(--_surface);
      }
      .row.changed {
        animation: flash 2.5s ease-out;
      }
      @keyframes flash {
        from {
          background: color-mix(in srgb, var(--_accent) 22%, transparent);
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
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        min-width: 0;
      }
      .numeric {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      [role='columnheader'].numeric {
        justify-self: end;
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
      .badge {
        display: inline-flex;
        align-items: center;
        gap: 5px;
        font-size: 0.9em;
      }
      .badge::before {
        content: '';
        width: 7px;
        height: 7px;
        border-radius: 50%;
        background: currentColor;
      }
      .badge.true {
        color: var(--_ok);
      }
      .badge.false {
        color: var(--_muted);
      }
      .badge.unknown {
        color: var(--_warn);
      }
      .badge.alert.true {
        color: var(--_warn);
      }
      .badge.ready.false {
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

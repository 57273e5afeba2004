import { css } from 'lit';
import { statePillStyles } from '../../styles/state-pill.js';
import { themeStyles } from '../../styles/theme.js';

export const overviewStyles = [
  themeStyles,
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
    a {
      color: var(--_accent);
      text-decoration: none;
    }
    a:hover {
      text-decoration: underline;
    }
    a:focus-visible,
    button:focus-visible,
    select:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
      border-radius: 4px;
    }
    .status {
      display: flex;
      align-items: center;
      gap: 8px;
      color: var(--_muted);
      font-size: 0.92em;
      margin-bottom: 12px;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--_muted);
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
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
      gap: 16px;
      margin-bottom: 16px;
    }
    .grid.two {
      grid-template-columns: repeat(auto-fit, minmax(420px, 1fr));
    }
    .card {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: 10px;
      padding: 14px 16px;
      min-width: 0;
    }
    .card header {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 8px;
      margin-bottom: 10px;
    }
    h2 {
      margin: 0;
      font-size: 0.95em;
      font-weight: 650;
      letter-spacing: 0.01em;
    }
    .total {
      font-size: 1.9em;
      font-weight: 700;
      line-height: 1;
      color: var(--_fg);
    }
    a.total:hover {
      color: var(--_accent);
      text-decoration: none;
    }
    .states {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      gap: 8px;
    }
    .states li > * {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
      padding: 8px 10px;
      border-radius: 8px;
      border: 1px solid var(--_border);
      background: var(--_bg);
      color: var(--_fg);
    }
    .states a:hover {
      border-color: var(--_accent);
      text-decoration: none;
    }
    .states .n {
      font-size: 1.35em;
      font-weight: 650;
      font-variant-numeric: tabular-nums;
    }
    .states li.zero .n {
      color: var(--_muted);
      font-weight: 500;
    }
    /* None in this state: a dashed outline, the label keeps its full colour (and contrast). */
    .states li.zero .state {
      border-style: dashed;
    }
    .empty,
    .hint {
      color: var(--_muted);
      margin: 10px 0 0;
    }
    .health ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 10px;
    }
    .health-item {
      display: grid;
      grid-template-columns: 22px 1fr;
      gap: 8px;
      align-items: start;
    }
    .health-item .icon {
      width: 20px;
      height: 20px;
      border-radius: 50%;
      display: inline-grid;
      place-items: center;
      font-size: 12px;
      font-weight: 700;
      color: var(--_bg);
      background: var(--_muted);
    }
    .health-item.ok .icon {
      background: var(--_ok);
    }
    .health-item.problem .icon {
      background: var(--_error);
    }
    .health-item.unknown .icon {
      background: var(--_warn);
    }
    .health-item .title {
      font-weight: 600;
    }
    .health-item .detail {
      color: var(--_muted);
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    .health-item.problem .detail {
      color: var(--_error);
    }
    button.link {
      font: inherit;
      font-size: 0.88em;
      background: none;
      border: none;
      color: var(--_accent);
      cursor: pointer;
      padding: 0;
    }
    select {
      font: inherit;
      font-size: 0.9em;
      color: var(--_fg);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: 6px;
      padding: 3px 6px;
    }
    ol.events {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .event {
      display: grid;
      grid-template-columns: 72px minmax(0, 1fr) 64px;
      grid-template-areas: 'when who change' 'when why why';
      gap: 2px 10px;
      padding: 8px 0;
      border-top: 1px solid var(--_border);
    }
    .event:first-child {
      border-top: none;
    }
    .event .when {
      grid-area: when;
      color: var(--_muted);
      font-size: 0.88em;
      font-variant-numeric: tabular-nums;
    }
    .event .who {
      grid-area: who;
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .event .change {
      grid-area: change;
      text-align: right;
      font-weight: 650;
      font-variant-numeric: tabular-nums;
    }
    .event.up .change {
      color: var(--_ok);
    }
    .event.down .change {
      color: var(--_info);
    }
    .event.failed .change,
    .event.failed .why {
      color: var(--_error);
    }
    .event .why {
      grid-area: why;
      color: var(--_muted);
      font-size: 0.86em;
      overflow-wrap: anywhere;
    }
    .ns {
      color: var(--_muted);
      font-weight: 400;
    }
    [part='active'] {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.95em;
    }
    th {
      text-align: left;
      font-size: 0.78em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--_muted);
      font-weight: 600;
      padding: 4px 8px 6px 0;
      border-bottom: 1px solid var(--_border);
      white-space: nowrap;
    }
    td {
      padding: 7px 8px 7px 0;
      border-bottom: 1px solid var(--_border);
      white-space: nowrap;
    }
    td:first-child {
      white-space: normal;
      overflow-wrap: anywhere;
    }
    tr:last-child td {
      border-bottom: none;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .banner.error {
      border: 1px solid var(--_error);
      border-radius: 8px;
      padding: 10px 14px;
      margin-bottom: 16px;
      color: var(--_error);
    }
    .banner p {
      margin: 4px 0 0;
      color: var(--_fg);
    }
    .api-message {
      font-family: var(--_mono);
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }
    .message {
      color: var(--_muted);
    }
  `,
];

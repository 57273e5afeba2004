import { css } from 'lit';

export const listStyles = css`
  :host {
    display: block;
  }
  .status {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 28px;
    color: var(--_muted);
    font-size: 0.86em;
    padding: 0 4px 6px;
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
  .table {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 8px;
    overflow: auto;
  }
  .row {
    display: grid;
    grid-template-columns:
      minmax(160px, 1.6fr) minmax(96px, 1fr) minmax(170px, 1.2fr) minmax(130px, 1.2fr)
      repeat(2, minmax(48px, 0.4fr)) repeat(4, minmax(90px, 0.6fr)) minmax(110px, 1fr)
      minmax(140px, 1.2fr) minmax(64px, 0.5fr);
    align-items: center;
    min-height: var(--_row-height);
    border-top: 1px solid var(--_border);
    min-width: 1330px;
  }
  .row.header {
    border-top: none;
    background: var(--_surface);
    font-size: 0.78em;
    font-weight: 600;
    letter-spacing: 0.04em;
    color: var(--_muted);
    position: sticky;
    top: 0;
  }
  .row:not(.header):hover {
    background: var(--_surface);
  }
  [role='cell'],
  [role='columnheader'] {
    padding: 6px 10px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
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
  .name a:hover,
  .name a:focus-visible {
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
    background: var(--_surface);
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
    color: var(--_fg);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
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
    .skeleton {
      animation: none;
    }
  }
`;

import { css } from 'lit';

/**
 * The `--keda-*` custom properties every element reads, with defaults that follow the page's
 * color-scheme (system colours), so an element looks right with no theming at all.
 */
export const themeStyles = css`
  :host {
    --_fg: var(--keda-fg, CanvasText);
    --_bg: var(--keda-bg, Canvas);
    --_muted: var(--keda-muted, color-mix(in srgb, var(--_fg) 62%, var(--_bg)));
    --_border: var(--keda-border, color-mix(in srgb, var(--_fg) 16%, var(--_bg)));
    --_surface: var(--keda-surface, color-mix(in srgb, var(--_fg) 4%, var(--_bg)));
    /* Links and accents: 4.5:1 or more on the background and the light surfaces and tints. */
    --_accent: var(--keda-accent, light-dark(#2860d4, #7aa7ff));
    /* Text on an accent-filled button: white on the light theme's blue, near-black on the dark's. */
    --_on-accent: var(--keda-on-accent, light-dark(#fff, #0d1117));
    --_ok: var(--keda-ok, light-dark(#16794c, #4ccf8a));
    --_warn: var(--keda-warn, light-dark(#9a5b00, #f2b04c));
    --_error: var(--keda-error, light-dark(#b3261e, #ff8a80));
    --_info: var(--keda-info, light-dark(#1d5fc9, #8ab4ff));
    --_font: var(--keda-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_mono: var(--keda-mono-font, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_row-height: var(--keda-row-height, 36px);
    color: var(--_fg);
    font-family: var(--_font);
    font-size: var(--keda-font-size, 14px);
  }
`;

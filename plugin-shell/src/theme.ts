/** The bridge from Headlamp's MUI theme to the `--keda-*` custom properties the elements read. */
import type { Theme } from '@mui/material/styles';
import type { CSSProperties } from 'react';

export type KedaThemeVariables = Record<`--keda-${string}`, string>;

/** `--keda-*` values for the current MUI theme, so the elements follow Headlamp's light/dark. */
export function kedaThemeVariables(theme: Theme): KedaThemeVariables {
  const { palette, typography } = theme;
  const variables: KedaThemeVariables = {
    '--keda-fg': palette.text.primary,
    '--keda-bg': palette.background.paper,
    '--keda-muted': palette.text.secondary,
    '--keda-border': palette.divider,
    '--keda-accent': palette.primary.main,
    // Text on the accent (primary buttons): Headlamp's dark theme has a white primary colour, on
    // which the elements' default light text would not show.
    '--keda-on-accent': palette.primary.contrastText,
  };
  if (typography.fontFamily) variables['--keda-font'] = typography.fontFamily;
  return variables;
}

/**
 * The same as a React `style` (React passes `--*` keys through as custom properties), plus
 * `color-scheme`: the elements' own colours (states, syntax, charts) use `light-dark()`, which
 * follows the color-scheme and not the palette, and a page need not set one.
 */
export function kedaThemeStyle(theme: Theme): CSSProperties {
  return { ...kedaThemeVariables(theme), colorScheme: theme.palette.mode } as CSSProperties;
}

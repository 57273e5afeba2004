// Writes the rendered ScaledObjects route (MUI styles, shadow DOM as declarative shadow roots) to
// .render/route.html (Headlamp's light theme) and .render/route-dark.html, to look at in a browser:
//   chromium --headless --screenshot=route.png --window-size=1400,600 file://$PWD/.render/route.html
import './index';
import type { Theme } from '@mui/material/styles';
import { cleanup, waitFor } from '@testing-library/react';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { scaledObjectNames } from './test/fixtures';
import {
  dark,
  fakeCluster,
  renderRoute,
  restoreGlobals,
  ROUTE_PATH,
  tableRows,
  theme,
} from './test/harness';
import { serializeChildren } from './test/serialize';

const OUTPUT_DIR = resolve(__dirname, '../.render');

afterEach(() => {
  cleanup();
  restoreGlobals();
});

async function renderToFile(muiTheme: Theme, file: string): Promise<string> {
  fakeCluster();
  const { container } = renderRoute(ROUTE_PATH, muiTheme);
  const list = container.querySelector('keda-scaled-object-list') as Element;
  await waitFor(() => expect(tableRows(list)).toHaveLength(scaledObjectNames.length), {
    timeout: 10000,
  });

  // The page's styles: what emotion (MUI) and notistack injected into <head>, plus page chrome.
  const headStyles = [...document.head.querySelectorAll('style')]
    .map(style => style.textContent ?? '')
    .join('\n');
  const { palette, typography } = muiTheme;
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>KEDA · ScaledObjects (Headlamp plugin route, ${
    palette.mode
  } theme, rendered in jsdom)</title>
<style>
  :root { color-scheme: ${palette.mode}; }
  html, body { margin: 0; background: ${palette.background.default}; }
  body { font-family: ${typography.fontFamily}; color: ${palette.text.primary}; padding: 24px; }
</style>
<style>${headStyles}</style>
</head>
<body>${serializeChildren(container)}</body>
</html>
`;
  const output = resolve(OUTPUT_DIR, file);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, page);
  return page;
}

it.each([
  ['route.html', theme],
  ['route-dark.html', dark],
])('writes the rendered route to .render/%s', async (file, muiTheme) => {
  const page = await renderToFile(muiTheme, file);
  expect(page).toContain('<keda-scaled-object-list');
  expect(page).toContain('shadowrootmode="open"');
  expect(page).toContain(`--keda-bg: ${muiTheme.palette.background.paper}`);
  for (const name of scaledObjectNames) expect(page).toContain(name);
});

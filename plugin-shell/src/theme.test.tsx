// The MUI → --keda-* bridge switching live: the ScaledObjects route under a ThemeProvider fed from
// Headlamp's real Redux theme slice (as Headlamp's app does), then a theme change in that store.
import './index';
import {
  darkTheme,
  lightTheme,
} from '@kinvolk/headlamp-plugin/lib/components/App/defaultAppThemes';
import {
  setTheme,
  useCurrentAppTheme,
} from '@kinvolk/headlamp-plugin/lib/components/App/themeSlice';
import { createMuiTheme } from '@kinvolk/headlamp-plugin/lib/lib/themes';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render } from '@testing-library/react';
import React from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, expect, it } from 'vitest';
import { CLUSTER, fakeCluster, registeredRoute, restoreGlobals, ROUTE_PATH } from './test/harness';

afterEach(() => {
  cleanup();
  restoreGlobals();
  store.dispatch(setTheme(lightTheme.name));
});

function HeadlampTheme({ children }: { children: React.ReactNode }) {
  const appTheme = useCurrentAppTheme();
  const muiTheme = React.useMemo(() => createMuiTheme(appTheme), [appTheme]);
  return <ThemeProvider theme={muiTheme}>{children}</ThemeProvider>;
}

it('switches the --keda-* variables when Headlamp switches between light and dark', () => {
  fakeCluster();
  store.dispatch(setTheme(lightTheme.name));
  const Page = registeredRoute(ROUTE_PATH).component as React.ComponentType;
  const url = `/c/${CLUSTER}${ROUTE_PATH}`;
  window.history.replaceState({}, '', url);
  const { container } = render(
    <Provider store={store}>
      <HeadlampTheme>
        <QueryClientProvider client={new QueryClient()}>
          <MemoryRouter initialEntries={[url]}>
            <Page />
          </MemoryRouter>
        </QueryClientProvider>
      </HeadlampTheme>
    </Provider>
  );
  const wrapper = container.querySelector('.keda-theme') as HTMLElement;
  const light = createMuiTheme(lightTheme);
  const dark = createMuiTheme(darkTheme);
  expect(light.palette.background.paper).not.toBe(dark.palette.background.paper);
  expect(wrapper.style.getPropertyValue('--keda-bg')).toBe(light.palette.background.paper);
  expect(wrapper.style.getPropertyValue('--keda-fg')).toBe(light.palette.text.primary);
  expect(wrapper.style.colorScheme).toBe('light');

  act(() => {
    store.dispatch(setTheme(darkTheme.name));
  });
  const after = container.querySelector('.keda-theme') as HTMLElement;
  expect(after.style.getPropertyValue('--keda-bg')).toBe(dark.palette.background.paper);
  expect(after.style.getPropertyValue('--keda-fg')).toBe(dark.palette.text.primary);
  expect(after.style.getPropertyValue('--keda-accent')).toBe(dark.palette.primary.main);
  // light-dark() in the elements (state colours, YAML syntax) follows this, not the palette.
  expect(after.style.colorScheme).toBe('dark');
  // Headlamp's dark primary is white: text on it must be dark.
  expect(after.style.getPropertyValue('--keda-on-accent')).toBe(dark.palette.primary.contrastText);
  expect(dark.palette.primary.contrastText).not.toBe('#fff');

  act(() => {
    store.dispatch(setTheme(lightTheme.name));
  });
  expect(after.style.getPropertyValue('--keda-bg')).toBe(light.palette.background.paper);
});

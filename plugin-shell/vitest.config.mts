// Vitest for the plugin: Headlamp's own test config (jsdom, globals, its aliases) plus what Lit
// and Headlamp's deep imports need under vitest. See shared/headlamp/REFERENCE.md §3.2.
import { fileURLToPath } from 'node:url';

// The bare specifier matters: a relative path gets bundled into .vite-temp and breaks the base
// config's import.meta.resolve-based alias.
import baseConfig from '@kinvolk/headlamp-plugin/config/vite.config.mjs';
import { defineConfig, mergeConfig } from 'vitest/config';

const headlampLib = fileURLToPath(
  new URL('./node_modules/@kinvolk/headlamp-plugin/lib/lib/k8s', import.meta.url)
);

export default mergeConfig(
  baseConfig,
  defineConfig({
    resolve: {
      // Without these, lit and @lit/react resolve to their node (SSR) builds, and @lit/react then
      // never sets element properties.
      conditions: ['browser', 'development'],
      alias: [
        // `@kinvolk/headlamp-plugin/lib/k8s/...` lives at lib/lib/k8s/...; only tsc's paths and
        // the build's externals know that.
        { find: /^@kinvolk\/headlamp-plugin\/lib\/k8s\/(.*)$/, replacement: `${headlampLib}/$1` },
        { find: /^@kinvolk\/headlamp-plugin\/lib\/k8s$/, replacement: `${headlampLib}/index.js` },
      ],
    },
    test: {
      include: ['src/**/*.test.{ts,tsx}'],
      // `npm test` measures coverage (KEDA_COVERAGE=1); scripts/coverage.mjs merges the report.
      coverage: {
        enabled: process.env.KEDA_COVERAGE === '1',
        provider: 'v8',
        include: ['src/**/*.{ts,tsx}'],
        exclude: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
        reporter: ['json'],
        reportsDirectory: fileURLToPath(
          new URL('../.cache/coverage/istanbul/plugin-shell', import.meta.url)
        ),
      },
      setupFiles: ['./src/test/setup.ts'],
      testTimeout: 20000,
      // Drop Headlamp's and jsdom's known start-up noise; everything else is printed.
      onConsoleLog(log) {
        if (/^i18next[: ]|Lit is in dev mode|HTMLCanvasElement\.prototype\.getContext/.test(log)) {
          return false;
        }
        return undefined;
      },
    },
  })
);

// Build additions for dist/main.js. `headlamp-plugin build` calls vite.build() with Headlamp's own
// config inline (externals for React, MUI and Headlamp's lib; UMD; its plugins) and vite merges
// this project file under it, so only what Headlamp's config leaves open is set here. Vitest runs
// with vitest.config.mts and does not read this file.
import type { Plugin } from 'vite';

/**
 * Headlamp's config injects a browser `Buffer` polyfill (~28 KB, ~9 KB gzip) into every module
 * that names the global `Buffer`. Ours has one such module, zrender's svg/helper, which only
 * reads `typeof Buffer !== 'undefined'` and otherwise uses btoa. This serves the host's own
 * `Buffer` (none in a browser) in place of the polyfill, so that check sees what it would
 * without the injection.
 */
const noBufferPolyfill: Plugin = {
  name: 'keda-no-buffer-polyfill',
  enforce: 'pre',
  load(id) {
    if (/vite-plugin-node-polyfills[\\/]shims[\\/]buffer[\\/]/.test(id)) {
      return 'const B = globalThis.Buffer;\nexport { B as Buffer };\nexport default B;\n';
    }
    return null;
  },
};

export default {
  plugins: [noBufferPolyfill],
};

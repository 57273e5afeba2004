// Build additions for dist/main.js. `headlamp-plugin build` calls vite.build() with Headlamp's own
// config inline (externals for React, MUI and Headlamp's lib; UMD; its plugins) and vite merges
// this project file under it, so only what Headlamp's config leaves open is set here. Vitest runs
// with vitest.config.mts and does not read this file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import {
  fnv1a,
  LAZY_ELEMENTS,
  lazyBundleFile,
  SHARED_MODULES,
  sharedModuleId,
} from './src/lazy-manifest';

const root = fileURLToPath(new URL('.', import.meta.url));

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

/** `components/(dist|src)/<module>.(js|ts)` → the shared module it is, if it is one. */
const SHARED_PATH = new RegExp(
  `[\\\\/]components[\\\\/](?:dist|src)[\\\\/](${SHARED_MODULES.map(m =>
    m.replace('/', '[\\\\/]')
  ).join('|')})\\.(?:js|ts)$`
);

interface LazyBundle {
  tag: string;
  fileName: string;
  code: string;
  /** FNV-1a of the text (see lazy-manifest.ts), checked by the loader before it runs the file. */
  hash: string;
}

/**
 * One IIFE per heavy element (the YAML editor with CodeMirror, the wizard, the cytoscape graph),
 * built with everything it needs except the modules main.js shares with it (the @lit/context keys
 * and KubeApiError: a second copy would not match main.js's `keda-connection` or its errors).
 * Those are read from the `kedaShared` object the loader passes in.
 */
async function buildLazyBundle(tag: string): Promise<LazyBundle> {
  // A module of its own (no file: vite resolves a lib entry against the root, so it is a path).
  const entryId = `${root}keda-lazy-entry/${tag}.js`;
  const output = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // lit, echarts and the rest in their production builds, as in main.js.
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [
      {
        name: 'keda-lazy-entry',
        enforce: 'pre',
        async resolveId(source, importer, options) {
          if (source === entryId) return entryId;
          const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
          const shared = resolved && SHARED_PATH.exec(resolved.id);
          if (shared) return { id: sharedModuleId(shared[1].replace('\\', '/')), external: true };
          return resolved;
        },
        load(id) {
          // A file of the keda-elements package resolves like main.js's imports (its dist).
          return id === entryId ? `import 'keda-elements/elements/${tag}/define';\n` : null;
        },
      },
    ],
    build: {
      write: false,
      emptyOutDir: false,
      minify: 'esbuild',
      reportCompressedSize: false,
      lib: { entry: entryId, formats: ['iife'], name: 'kedaLazyElement', fileName: () => tag },
      rollupOptions: {
        output: {
          // The YAML editor loads its CRD schemas with import(): one file, so inline it.
          inlineDynamicImports: true,
          globals: (id: string) => `kedaShared[${JSON.stringify(id)}]`,
        },
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  const chunk = results
    .flatMap(result => ('output' in result ? result.output : []))
    .find(item => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`lazy build of ${tag}: no output chunk`);
  return { tag, fileName: lazyBundleFile(tag), code: chunk.code, hash: fnv1a(chunk.code) };
}

/**
 * Builds the lazy element bundles before main.js (so main.js knows their hashes, as
 * `__KEDA_LAZY_BUNDLES__`) and writes them next to it in dist/, where `headlamp-plugin package`
 * and Headlamp's backend (which serves every file of a plugin's folder) pick them up.
 */
function lazyElementBundles(): Plugin {
  let bundles: LazyBundle[] = [];
  return {
    name: 'keda-lazy-element-bundles',
    apply: 'build',
    async config() {
      bundles = await Promise.all(LAZY_ELEMENTS.map(buildLazyBundle));
      const { name } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
      const manifest = {
        packageName: name,
        bundles: Object.fromEntries(bundles.map(b => [b.tag, { file: b.fileName, hash: b.hash }])),
      };
      return { define: { __KEDA_LAZY_BUNDLES__: JSON.stringify(manifest) } };
    },
    generateBundle() {
      for (const bundle of bundles) {
        this.emitFile({ type: 'asset', fileName: bundle.fileName, source: bundle.code });
      }
    },
  };
}

export default {
  plugins: [noBufferPolyfill, lazyElementBundles()],
};

import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The one-file bundle for pages without a bundler: `<script type="module" src=".../keda-elements.js">`
// defines every element (Lit, ECharts, CodeMirror included). `npm run build` makes it after the
// per-module build (tsc -> dist/), so it must not empty dist/.
export default defineConfig({
  resolve: {
    conditions: ['source', 'module', 'browser', 'production'],
  },
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/bundle', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    minify: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
    lib: {
      entry: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'keda-elements.js',
    },
    rolldownOptions: {
      // One file: the lazily loaded parts (KEDA's CRD schemas) are inlined too.
      output: { codeSplitting: false },
    },
  },
});

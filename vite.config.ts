import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Builds the standalone demo site (demo-site/app -> demo-site/dist). Workspace packages resolve
// to their TypeScript sources through the `source` export condition, so no prebuild is needed.
export default defineConfig({
  root: fileURLToPath(new URL('./demo-site/app', import.meta.url)),
  base: '/',
  resolve: {
    conditions: ['source', 'module', 'browser', 'development|production'],
  },
  build: {
    outDir: fileURLToPath(new URL('./demo-site/dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  esbuild: {
    target: 'es2022',
  },
});

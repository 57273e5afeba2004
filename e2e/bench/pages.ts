// The browser benchmarks' pages: `ours.html` and `peer.html` of a folder, built with vite in
// production mode and served on a loopback port for the run.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export async function servePages(name: string): Promise<{ base: string; server: Server }> {
  const root = join(import.meta.dirname, name);
  const outDir = mkdtempSync(join(tmpdir(), `keda-${name}-bench-`));
  await build({
    root,
    logLevel: 'warn',
    mode: 'production',
    resolve: { conditions: ['source', 'module', 'browser', 'production'] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { ours: join(root, 'ours.html'), peer: join(root, 'peer.html') } },
    },
  });
  const server = createServer((req, res) => {
    const path = join(outDir, decodeURIComponent((req.url ?? '/').split('?')[0]!));
    readFile(path).then(
      (body) =>
        res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

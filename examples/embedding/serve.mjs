// A stand-in for "anybody else's dashboard": serves this folder's pages and keda-elements' bundle,
// and forwards /clusters/... (HTTP and WebSocket watches) to a KEDA dashboard demo server, the way
// a real host forwards its own API proxy. Usage (with `npm start` running on 4477):
//   node examples/embedding/serve.mjs [--port 4600] [--upstream http://127.0.0.1:4477] [--root DIR]
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const bundle = fileURLToPath(new URL('../../components/dist/bundle/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
};

/** `{...headers}` for the upstream: its own Host, no Origin (this server is the only client it sees). */
function upstreamHeaders(headers, upstream) {
  const out = { ...headers, host: upstream.host };
  delete out.origin;
  delete out.referer;
  return out;
}

/**
 * Starts the server. `roots` are searched in order for static files (default: this folder, then
 * the bundle folder); `/clusters/*` goes to `upstream`.
 * @param {{ port?: number, host?: string, upstream: string, roots?: string[] }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveExamples({ port = 0, host = '127.0.0.1', upstream, roots = [here, bundle] }) {
  const target = new URL(upstream);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (path.startsWith('/clusters/')) {
      const proxied = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: upstreamHeaders(req.headers, target),
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      proxied.on('error', (error) => {
        if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end(`The dashboard server at ${upstream} did not answer: ${error.message}`);
      });
      req.pipe(proxied);
      return;
    }
    const file = path === '/' ? '/plain.html' : path;
    for (const root of roots) {
      const full = normalize(join(root, file));
      if (!full.startsWith(normalize(root + sep)) && full !== normalize(root)) continue;
      try {
        const body = await readFile(full);
        res.writeHead(200, { 'Content-Type': TYPES[extname(full)] ?? 'application/octet-stream' });
        res.end(body);
        return;
      } catch {
        // next root
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`${file} not found`);
  });
  // WebSocket watches: replay the upgrade request upstream and splice the two sockets.
  server.on('upgrade', (req, socket, head) => {
    const upstreamSocket = connect(Number(target.port), target.hostname, () => {
      const headers = upstreamHeaders(req.headers, target);
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (const [name, value] of Object.entries(headers)) {
        for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`);
      }
      upstreamSocket.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstreamSocket.write(head);
      upstreamSocket.pipe(socket);
      socket.pipe(upstreamSocket);
    });
    upstreamSocket.on('error', () => socket.destroy());
    socket.on('error', () => upstreamSocket.destroy());
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const roots = arg('root') ? [arg('root'), here, bundle] : [here, bundle];
  const { url } = await serveExamples({
    port: Number(arg('port', '4600')),
    upstream: arg('upstream', 'http://127.0.0.1:4477'),
    roots,
  });
  process.stdout.write(
    `Embedding examples on ${url}/plain.html (clusters from ${arg('upstream', 'http://127.0.0.1:4477')})\n`,
  );
}

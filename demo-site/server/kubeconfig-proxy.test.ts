/**
 * The kubeconfig proxy end to end in Node: a simulated cluster over HTTPS reached through token,
 * client-certificate and exec-plugin contexts, a context pointing at a closed port, contexts that
 * cannot be used, and a plain-HTTP echo server that shows what the cluster receives and tries to
 * send back.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { dump } from 'js-yaml';
import WebSocket from 'ws';
import { DemoServer } from './demo-server.ts';
import { credentialFiles, KubeconfigBackend, loadKubeconfig, selectContexts } from './kubeconfig-backend.ts';
import { SimCluster } from './sim/index.ts';

const EXEC_PLUGIN = fileURLToPath(new URL('../../e2e/fixtures/proxy/exec-credential.mjs', import.meta.url));

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: () => Record<string, unknown>;
}

function call(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as Record<string, unknown>,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

interface Echo {
  server: Server;
  url: string;
  last: IncomingHttpHeaders | undefined;
}

/** A plain-HTTP "cluster" that records the request headers and answers with cookies, a challenge and an echo. */
async function startEcho(): Promise<Echo> {
  const echo: Echo = { server: createServer(), url: '', last: undefined };
  echo.server.on('request', (req, res) => {
    echo.last = req.headers;
    req.resume();
    res.writeHead(req.url?.startsWith('/version') ? 200 : 401, {
      'Content-Type': 'application/json',
      'Set-Cookie': 'session=cluster-cookie; HttpOnly',
      'WWW-Authenticate': 'Basic realm="kubernetes"',
      'X-Echo-Authorization': req.headers.authorization ?? '',
      'X-Plain': 'kept',
      Connection: 'X-Hop',
      'X-Hop': 'dropped',
    });
    res.end(
      req.url?.startsWith('/version')
        ? JSON.stringify({ gitVersion: 'v1.32.0-echo' })
        : JSON.stringify({
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            message: 'Unauthorized',
            code: 401,
          }),
    );
  });
  await new Promise<void>((resolve) => echo.server.listen(0, '127.0.0.1', resolve));
  echo.url = `http://127.0.0.1:${(echo.server.address() as AddressInfo).port}`;
  return echo;
}

describe('kubeconfig proxy', () => {
  let dir: string;
  let sim: SimCluster;
  let echo: Echo;
  let server: DemoServer;
  let readOnlyServer: DemoServer;
  let base: string;
  let readOnlyBase: string;
  let clientKey: string;
  const echoToken = 'echo-token-0123456789';
  const execSecret = 'plugin-secret-9876543210';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keda-proxy-'));
    sim = await SimCluster.create({ scenario: 'empty', seed: 3, simulation: false });
    const { url, caPem } = await sim.listen({ port: 0 });
    const cert = sim.issueClientCertificate('cert-admin', ['system:masters']);
    clientKey = cert.keyPem;
    writeFileSync(join(dir, 'ca.crt'), caPem ?? '');
    writeFileSync(join(dir, 'client.key'), cert.keyPem);
    writeFileSync(join(dir, 'viewer-token'), sim.readOnlyToken);
    echo = await startEcho();
    const down = `https://127.0.0.1:${await freePort()}`;
    const exec = (env: Array<{ name: string; value: string }>) => ({
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: process.execPath,
        args: [EXEC_PLUGIN],
        env,
        interactiveMode: 'Never',
      },
    });
    const kubeconfig = {
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'exec',
      clusters: [
        { name: 'sim', cluster: { server: url, 'certificate-authority-data': b64(caPem ?? '') } },
        // A CA file, relative to the kubeconfig (client-node resolves it).
        { name: 'sim-ca-file', cluster: { server: url, 'certificate-authority': 'ca.crt' } },
        { name: 'sim-no-ca', cluster: { server: url } },
        { name: 'down', cluster: { server: down, 'certificate-authority-data': b64(caPem ?? '') } },
        { name: 'echo', cluster: { server: echo.url, 'insecure-skip-tls-verify': true } },
      ],
      users: [
        { name: 'token', user: { token: sim.adminToken } },
        { name: 'cert', user: { 'client-certificate-data': b64(cert.certPem), 'client-key': 'client.key' } },
        {
          name: 'exec',
          user: exec([
            { name: 'KEDA_TEST_TOKEN_FILE', value: join(dir, 'viewer-token') },
            { name: 'KEDA_TEST_EXEC_LOG', value: join(dir, 'exec.log') },
          ]),
        },
        {
          name: 'exec-failing',
          user: exec([
            { name: 'KEDA_TEST_EXEC_FAIL', value: 'no login' },
            { name: 'KEDA_TEST_API_KEY', value: execSecret },
          ]),
        },
        { name: 'echo', user: { token: echoToken } },
      ],
      contexts: [
        { name: 'token', context: { cluster: 'sim', user: 'token' } },
        { name: 'cert', context: { cluster: 'sim-ca-file', user: 'cert' } },
        { name: 'exec', context: { cluster: 'sim', user: 'exec' } },
        { name: 'down', context: { cluster: 'down', user: 'token' } },
        { name: 'no-ca', context: { cluster: 'sim-no-ca', user: 'token' } },
        { name: 'missing-cluster', context: { cluster: 'nowhere', user: 'token' } },
        { name: 'exec-failing', context: { cluster: 'sim', user: 'exec-failing' } },
        { name: 'echo', context: { cluster: 'echo', user: 'echo' } },
      ],
    };
    const path = join(dir, 'kubeconfig');
    writeFileSync(path, dump(kubeconfig), { mode: 0o600 });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>site</title>');
    const kc = loadKubeconfig(path);
    const backends = () => selectContexts(kc, []).map((name) => new KubeconfigBackend(name, kc));
    // The site root holds the kubeconfig and the key file: they must still never be served.
    server = new DemoServer({
      host: '127.0.0.1',
      port: 0,
      siteRoot: dir,
      clusters: backends(),
      secretFiles: credentialFiles(path, kc),
    });
    base = await server.listen();
    readOnlyServer = new DemoServer({
      host: '127.0.0.1',
      port: 0,
      siteRoot: join(dir, 'site'),
      clusters: backends(),
      readOnly: true,
    });
    readOnlyBase = await readOnlyServer.listen();
  });

  after(async () => {
    await server.close();
    await readOnlyServer.close();
    await sim.close();
    await new Promise<void>((resolve) => echo.server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  test('every context by default, the current one first', () => {
    const kc = loadKubeconfig(join(dir, 'kubeconfig'));
    assert.deepEqual(selectContexts(kc, []).slice(0, 2), ['exec', 'token']);
    assert.deepEqual(selectContexts(kc, ['down', 'token']), ['down', 'token']);
    assert.throws(() => selectContexts(kc, ['tokn']), /no context "tokn" \(it has: token, cert, exec/);
  });

  test('token, client certificate and exec plugin contexts each reach the cluster as their user', async () => {
    for (const context of ['token', 'cert', 'exec']) {
      const list = await call(base, `/clusters/${context}/api/v1/namespaces`);
      assert.equal(list.status, 200, `${context}: ${list.text}`);
      assert.equal(list.json().kind, 'NamespaceList');
    }
    // The token and the certificate are admins; the exec plugin's token is the viewer's.
    const created = await call(base, '/clusters/cert/api/v1/namespaces', {
      method: 'POST',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'by-cert' } },
    });
    assert.equal(created.status, 201, created.text);
    const denied = await call(base, '/clusters/exec/api/v1/namespaces', {
      method: 'POST',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'by-exec' } },
    });
    assert.equal(denied.status, 403);
    assert.match(String(denied.json().message), /User "viewer" cannot create/);
    assert.ok(existsSync(join(dir, 'exec.log')), 'the exec plugin ran');
  });

  test('the exec credential is reused until it expires (client-node caches it)', async () => {
    const before = readFileSync(join(dir, 'exec.log'), 'utf8').split('\n').length;
    await Promise.all([1, 2, 3, 4].map(() => call(base, '/clusters/exec/api/v1/namespaces')));
    const afterRuns = readFileSync(join(dir, 'exec.log'), 'utf8').split('\n').length;
    assert.equal(afterRuns, before);
  });

  test('a watch over WebSocket goes through with the kubeconfig credentials', async () => {
    const list = (await call(base, '/clusters/token/api/v1/namespaces')).json() as {
      metadata: { resourceVersion: string };
    };
    const origin = base.replace(/\/$/, '');
    const socket = new WebSocket(
      `${origin.replace('http:', 'ws:')}/clusters/exec/api/v1/namespaces?watch=true&resourceVersion=${list.metadata.resourceVersion}`,
      ['base64.binary.k8s.io'],
      { origin },
    );
    const event = new Promise<{ type: string; object: { metadata: { name: string } } }>((resolve, reject) => {
      socket.on('message', (data: Buffer) => {
        const parsed = JSON.parse(data.toString('utf8')) as {
          type: string;
          object: { metadata: { name: string } };
        };
        if (parsed.object.metadata.name === 'watched') resolve(parsed);
      });
      socket.on('error', reject);
      socket.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    assert.equal(socket.protocol, 'base64.binary.k8s.io');
    await call(base, '/clusters/token/api/v1/namespaces', {
      method: 'POST',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'watched' } },
    });
    const seen = await event;
    assert.equal(seen.type, 'ADDED');
    socket.close();
  });

  test('the browser cannot send credentials, cookies or impersonation to the cluster', async () => {
    await call(base, '/clusters/echo/api/v1/pods', {
      headers: {
        Authorization: 'Bearer browser-token',
        Cookie: 'dashboard=1',
        'Impersonate-User': 'system:admin',
        'Impersonate-Group': 'system:masters',
        'X-Remote-User': 'root',
        Accept: 'application/json',
      },
    });
    const seen = echo.last ?? {};
    assert.equal(seen.authorization, `Bearer ${echoToken}`);
    assert.equal(seen.cookie, undefined);
    assert.equal(seen['impersonate-user'], undefined);
    assert.equal(seen['impersonate-group'], undefined);
    assert.equal(seen['x-remote-user'], undefined);
    assert.equal(seen.accept, 'application/json');
    assert.equal(seen.host, new URL(echo.url).host);
  });

  test('the cluster cannot send cookies, challenges or its credentials to the browser', async () => {
    const answer = await call(base, '/clusters/echo/api/v1/pods');
    assert.equal(answer.status, 401);
    assert.equal(answer.headers['set-cookie'], undefined);
    assert.equal(answer.headers['www-authenticate'], undefined);
    assert.equal(answer.headers['x-echo-authorization'], undefined);
    assert.equal(answer.headers['x-hop'], undefined);
    assert.equal(answer.headers['x-plain'], 'kept');
    assert.match(String(answer.headers['content-security-policy']), /default-src 'none'.*sandbox/);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    assert.doesNotMatch(JSON.stringify(answer.headers) + answer.text, new RegExp(echoToken));
  });

  test('no response carries a token or the client key', async () => {
    const secrets = [sim.adminToken, sim.readOnlyToken, echoToken, clientKey.split('\n')[1] ?? ''];
    const paths = [
      '/api/clusters',
      '/clusters/token/api/v1/namespaces',
      '/clusters/cert/api/v1/namespaces',
      '/clusters/exec/api/v1/namespaces',
      '/clusters/down/api/v1/namespaces',
      '/clusters/exec-failing/api/v1/namespaces',
      '/clusters/echo/version',
      '/kubeconfig',
      '/',
    ];
    for (const path of paths) {
      const answer = await call(base, path);
      const seen = JSON.stringify(answer.headers) + answer.text;
      for (const secret of secrets) assert.ok(!seen.includes(secret), `${path} leaks a credential`);
    }
  });

  test('the kubeconfig is never served', async () => {
    for (const path of [
      '/kubeconfig',
      '/..%2fkubeconfig',
      join(dir, 'kubeconfig'),
      '/client.key',
      '/ca.crt',
    ]) {
      const answer = await call(base, path);
      assert.doesNotMatch(answer.text, /current-context|PRIVATE KEY|CERTIFICATE/, path);
    }
    assert.match((await call(base, '/index.html')).text, /<title>site/);
  });

  test('a closed port is a 503 Status naming the context and the cause; the others keep working', async () => {
    const answer = await call(base, '/clusters/down/api/v1/namespaces');
    assert.equal(answer.status, 503);
    const status = answer.json();
    assert.equal(status.kind, 'Status');
    assert.equal(status.reason, 'ServiceUnavailable');
    assert.match(
      String(status.message),
      /^cluster "down" is unreachable: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(https:\/\/127\.0\.0\.1:\d+\)\. Check that its API server is up/,
    );
    assert.equal((await call(base, '/clusters/token/api/v1/namespaces')).status, 200);
  });

  test('a context that cannot be used is a 502 Status saying why', async () => {
    const missing = await call(base, '/clusters/missing-cluster/api/v1/namespaces');
    assert.equal(missing.status, 502);
    assert.match(
      String(missing.json().message),
      /^context "missing-cluster" cannot be used: it names cluster "nowhere", which the kubeconfig does not define/,
    );
    const failing = await call(base, '/clusters/exec-failing/api/v1/namespaces');
    assert.equal(failing.status, 502);
    assert.match(
      String(failing.json().message),
      /context "exec-failing" cannot be used: its credentials could not be obtained: .*\(api key \*\*\*\)\. Fix/,
    );
    const noCa = await call(base, '/clusters/no-ca/api/v1/namespaces');
    assert.equal(noCa.status, 502);
    assert.match(
      String(noCa.json().message),
      /cluster "no-ca": the TLS connection to https:\/\/127\.0\.0\.1:\d+ failed: .*certificate/,
    );
    const unknown = await call(base, '/clusters/prod/api/v1/namespaces');
    assert.equal(unknown.status, 404);
    assert.match(String(unknown.json().message), /cluster "prod" is not served/);
  });

  test('the WebSocket of a context that cannot be reached gets the Status too', async () => {
    const origin = base.replace(/\/$/, '');
    const socket = new WebSocket(
      `${origin.replace('http:', 'ws:')}/clusters/down/api/v1/namespaces?watch=true`,
      {
        origin,
      },
    );
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('error', () => resolve(-1));
    });
    assert.equal(status, 503);
  });

  test('/api/clusters lists every context with its state', async () => {
    const answer = await call(base, '/api/clusters');
    const clusters = (answer.json() as { clusters: Array<Record<string, unknown>> }).clusters;
    const byName = new Map(clusters.map((c) => [c.name, c]));
    assert.equal(clusters[0]?.name, 'exec');
    for (const name of ['token', 'cert', 'exec']) {
      assert.equal(byName.get(name)?.state, 'ok', name);
      assert.equal(byName.get(name)?.simulated, false);
      assert.match(String(byName.get(name)?.server), /^https:\/\/127\.0\.0\.1:\d+$/);
    }
    assert.equal(byName.get('echo')?.version, 'v1.32.0-echo');
    assert.equal(byName.get('down')?.state, 'unreachable');
    assert.match(
      String(byName.get('down')?.message),
      /^connect ECONNREFUSED 127\.0\.0\.1:\d+ \(https:\/\/127\.0\.0\.1:\d+\)$/,
    );
    assert.match(
      String(byName.get('no-ca')?.message),
      /^the TLS connection to https:\/\/127\.0\.0\.1:\d+ failed: /,
    );
    assert.match(String(byName.get('missing-cluster')?.message), /^it names cluster "nowhere"/);
    assert.equal(byName.get('missing-cluster')?.state, 'error');
    assert.equal(byName.get('exec-failing')?.state, 'error');
    assert.doesNotMatch(answer.text, new RegExp(execSecret));
  });

  test('read-only: writes are 403 Status before reaching the cluster; reads, watches and dryRun=All pass', async () => {
    const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'read-only-attempt' } };
    const write = await call(readOnlyBase, '/clusters/token/api/v1/namespaces', { method: 'POST', body });
    assert.equal(write.status, 403);
    assert.equal(write.json().reason, 'Forbidden');
    assert.match(
      String(write.json().message),
      /serves cluster "token" read-only \(--read-only\): POST \/api\/v1\/namespaces was refused/,
    );
    const dryRun = await call(readOnlyBase, '/clusters/token/api/v1/namespaces?dryRun=All', {
      method: 'POST',
      body,
    });
    assert.equal(dryRun.status, 201, dryRun.text);
    const got = await call(base, '/clusters/token/api/v1/namespaces/read-only-attempt');
    assert.equal(got.status, 404, 'nothing was created');
    const del = await call(readOnlyBase, '/clusters/token/api/v1/namespaces/default?dryRun=All', {
      method: 'DELETE',
    });
    assert.equal(del.status, 403);
    assert.equal((await call(readOnlyBase, '/clusters/token/api/v1/namespaces')).status, 200);
    const list = await call(readOnlyBase, '/api/clusters');
    assert.equal((list.json() as { clusters: Array<{ readOnly: boolean }> }).clusters[0]?.readOnly, true);

    const origin = readOnlyBase.replace(/\/$/, '');
    const ws = origin.replace('http:', 'ws:');
    const watch = new WebSocket(
      `${ws}/clusters/token/api/v1/namespaces?watch=true`,
      ['base64.binary.k8s.io'],
      { origin },
    );
    await new Promise<void>((resolve, reject) => {
      watch.once('open', () => resolve());
      watch.once('error', reject);
    });
    watch.close();
    const exec = new WebSocket(`${ws}/clusters/token/api/v1/namespaces/default/pods/p/exec?command=sh`, {
      origin,
    });
    const code = await new Promise<number>((resolve) => {
      exec.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      exec.on('error', () => resolve(-1));
    });
    assert.equal(code, 403);
  });

  test('a foreign Host or Origin, or a cross-site read of cluster data, is refused (HTTP and WebSocket)', async () => {
    const host = await call(base, '/clusters/token/api/v1/namespaces', {
      headers: { Host: 'evil.example:80' },
    });
    assert.equal(host.status, 403);
    assert.match(String(host.json().message), /Host "evil.example:80" is not this server/);
    const origin = await call(base, '/clusters/token/api/v1/namespaces', {
      headers: { Origin: 'http://evil.example' },
    });
    assert.equal(origin.status, 403);
    assert.match(String(origin.json().message), /Cross-origin request from http:\/\/evil.example refused/);
    const crossSite = await call(base, '/clusters/token/api/v1/namespaces', {
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    assert.equal(crossSite.status, 403);
    assert.equal(
      (await call(base, '/api/clusters', { headers: { 'Sec-Fetch-Site': 'same-site' } })).status,
      403,
    );
    // Following a link to the dashboard from elsewhere is fine: it is the page, not cluster data.
    assert.equal((await call(base, '/', { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status, 200);

    const ws = base.replace(/\/$/, '').replace('http:', 'ws:');
    for (const headers of [
      { origin: 'http://evil.example' },
      { origin: base.replace(/\/$/, ''), host: 'evil.example' },
    ]) {
      const socket = new WebSocket(`${ws}/clusters/token/api/v1/namespaces?watch=true`, { headers });
      const code = await new Promise<number>((resolve) => {
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('error', () => resolve(-1));
      });
      assert.equal(code, 403, JSON.stringify(headers));
    }
  });
});

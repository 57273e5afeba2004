// `npm run check-dist`: runs the BUILT plugin (dist/) in Chromium the way Headlamp does and checks
// the routes that load their element from a file beside main.js (YAML editor, creation wizard,
// relationship graph). Needs `npm run build` first, the root's node_modules (playwright-core, tsx)
// and Chromium (scripts/chromium.mjs).
//
//   node scripts/check-dist.mjs [--screenshots DIR]
//
// A loopback server plays Headlamp's backend under the base URL /headlamp: `GET /plugins` lists
// an unrelated shipped plugin and this one as a user plugin in a folder named like the tarball's
// (`user-plugins/plugin-shell`: not the package name, so the loader must read package.json),
// serves each folder's files as static files (dist/* + package.json, as `headlamp-plugin
// extract` lays them out), and proxies `/clusters/sim/...` (HTTP and WebSocket watches) to the
// demo server's simulated KEDA cluster. The page is src/test/dist-host (a stand-in for Headlamp's
// frontend: same plugin loading, real React/MUI/react-router, ports of ApiProxy and Router).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(fileURLToPath(import.meta.url), '..', '..');
const root = join(dir, '..');
const dist = join(dir, 'dist');
const BASE = '/headlamp';
const CLUSTER = 'sim';
const OUR_FOLDER = 'user-plugins/plugin-shell';
const OTHER_FOLDER = 'static-plugins/other-plugin';
const LAZY = {
  'keda-yaml-editor': ['keda-yaml-editor'],
  'keda-create-wizard': ['keda-create-wizard', 'keda-what-if-chart'],
  'keda-relationship-graph': ['keda-relationship-graph'],
};

const args = process.argv.slice(2);
const shotsAt = args.indexOf('--screenshots');
const shotsDir = shotsAt >= 0 ? resolve(args[shotsAt + 1] ?? 'screenshots') : undefined;

for (const file of ['main.js', ...Object.keys(LAZY).map(tag => `${tag}.js`)]) {
  if (!existsSync(join(dist, file))) {
    console.error(`dist/${file} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
}

const { chromium } = await import('playwright-core');
const { chromiumArgs, chromiumPath } = await import(join(root, 'scripts', 'chromium.mjs'));
const { build } = await import('vite');

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

// ---- the stand-in page --------------------------------------------------------------------------
const hostOut = mkdtempSync(join(tmpdir(), 'keda-dist-host-'));
await build({
  configFile: false,
  root: join(dir, 'src', 'test', 'dist-host'),
  base: `${BASE}/host/`,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: hostOut,
    emptyOutDir: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 10_000,
  },
});

// ---- the simulated cluster ----------------------------------------------------------------------
const demo = spawn(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', 'demo-site/server/main.ts', '--port', '0'],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }
);
const demoPort = await new Promise((resolvePort, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`demo server did not start: ${out}`)), 60_000);
  demo.stdout.on('data', chunk => {
    out += chunk;
    const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
    if (match) {
      clearTimeout(timer);
      resolvePort(Number(match[1]));
    }
  });
  demo.on('exit', code => reject(new Error(`demo server exited (${code}): ${out}`)));
});

// ---- Headlamp's backend, played by a loopback server ---------------------------------------------
const requests = [];
let refuseGraph = false;
const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};
const send = (res, status, type, body) => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
  res.end(body);
};
const sendFile = (res, file) =>
  existsSync(file)
    ? send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file))
    : send(res, 404, 'text/plain', '404 page not found\n');
const upstreamHeaders = headers => ({
  ...headers,
  host: `127.0.0.1:${demoPort}`,
  ...(headers.origin ? { origin: `http://127.0.0.1:${demoPort}` } : {}),
});

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  requests.push(`${req.method} ${url.pathname}${url.search}`);
  if (!url.pathname.startsWith(`${BASE}/`))
    return send(res, 404, 'text/plain', 'not under the base URL');
  const path = url.pathname.slice(BASE.length);
  if (path === '/plugins') {
    // backend/pkg/plugins GeneratePluginPaths: shipped, then user, then development.
    return send(
      res,
      200,
      'application/json',
      JSON.stringify([
        { path: OTHER_FOLDER, type: 'shipped', name: 'other-plugin' },
        { path: OUR_FOLDER, type: 'user', name: 'plugin-shell' },
      ])
    );
  }
  if (path.startsWith(`/${OUR_FOLDER}/`)) {
    const file = path.slice(OUR_FOLDER.length + 2);
    if (file === 'package.json') return sendFile(res, join(dir, 'package.json'));
    if (refuseGraph && file === 'keda-relationship-graph.js')
      return send(res, 404, 'text/plain', '404 page not found\n');
    return file.includes('..')
      ? send(res, 400, 'text/plain', 'bad path')
      : sendFile(res, join(dist, file));
  }
  if (path === `/${OTHER_FOLDER}/package.json`) {
    return send(
      res,
      200,
      'application/json',
      JSON.stringify({
        name: 'other-plugin',
        version: '1.0.0',
        devDependencies: { '@kinvolk/headlamp-plugin': '^0.13.0' },
      })
    );
  }
  if (path === `/${OTHER_FOLDER}/main.js`) {
    return send(
      res,
      200,
      TYPES['.js'],
      "pluginLib.registerSidebarEntry({ parent: null, name: 'other', label: 'Other plugin', url: '/other' });\n"
    );
  }
  if (path.startsWith('/clusters/')) {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: demoPort,
        method: req.method,
        path: path + url.search,
        headers: upstreamHeaders(req.headers),
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    upstream.on('error', error => send(res, 502, 'text/plain', String(error)));
    return req.pipe(upstream);
  }
  if (path.startsWith('/host/')) return sendFile(res, join(hostOut, path.slice('/host/'.length)));
  return sendFile(res, join(hostOut, 'index.html')); // the app's routes
});
server.on('upgrade', (req, socket, head) => {
  requests.push(`UPGRADE ${req.url}`);
  const upstream = connect(demoPort, '127.0.0.1', () => {
    const headers = upstreamHeaders(req.headers);
    let raw = `${req.method} ${req.url.slice(BASE.length)} HTTP/1.1\r\n`;
    for (const [name, value] of Object.entries(headers)) raw += `${name}: ${value}\r\n`;
    upstream.write(`${raw}\r\n`);
    upstream.write(head);
    socket.pipe(upstream).pipe(socket);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
});
await new Promise(ready => server.listen(0, '127.0.0.1', ready));
const origin = `http://127.0.0.1:${server.address().port}`;
const app = route => `${origin}${BASE}/c/${CLUSTER}${route}`;

// ---- Chromium -----------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
  headless: true,
});
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
// Which script defined each custom element: main.js runs with sourceURL //<folder>/dist/main.js,
// a lazy file with its own URL.
await context.addInitScript(() => {
  const define = customElements.define.bind(customElements);
  window.definedBy = {};
  customElements.define = (tag, ctor, options) => {
    const stack = new Error().stack ?? '';
    const match = /(dist\/main\.js|keda-[a-z-]+\.js)/.exec(stack);
    window.definedBy[tag] = match ? match[1] : 'unknown';
    define(tag, ctor, options);
  };
});
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', error => pageErrors.push(String(error)));
// The simulated cluster serves no SelfSubjectAccessReview API: the YAML editor's access check
// gets a 404 and leaves the editor writable (as on a cluster that does not answer it).
const EXPECTED_HTTP_ERRORS = [
  /404 .*\/apis\/authorization\.k8s\.io\/v1\/selfsubjectaccessreviews$/,
];
page.on('console', message => {
  // A failed response is reported below with its URL; the console's copy has none.
  if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
    pageErrors.push(message.text());
  }
});
page.on('response', response => {
  const line = `HTTP ${response.status()} ${response.url()}`;
  if (response.status() >= 400 && !EXPECTED_HTTP_ERRORS.some(re => re.test(line)))
    pageErrors.push(line);
});
// Which file defined each element, over every page load (the init script starts afresh on each).
const definedBy = {};
const collectDefined = async () =>
  Object.assign(definedBy, await page.evaluate(() => window.definedBy));

const lazyRequests = () =>
  requests.filter(r => /\/keda-[a-z-]+\.js/.test(r) && r.startsWith('GET'));
const settle = () => page.waitForFunction(() => window.hostState?.ready, null, { timeout: 30_000 });
/** Text of `tag`'s shadow root once `ready(root)` holds (evaluated in the page). */
async function waitInShadow(tag, predicate, timeout = 30_000) {
  try {
    await page.waitForFunction(
      ([t, p]) => {
        const el = document.querySelector(t);
        return !!el?.shadowRoot && new Function('root', `return (${p})(root)`)(el.shadowRoot);
      },
      [tag, predicate.toString()],
      { timeout }
    );
    return true;
  } catch {
    return false;
  }
}

try {
  console.log('main.js only (a list route):');
  await page.goto(app('/keda/scaledobjects'));
  await settle();
  const host = await page.evaluate(() => window.hostState);
  const ours = host.plugins.find(p => p.path === OUR_FOLDER);
  check(
    ours?.ran === true && !ours.error,
    `Headlamp's loader ran ${OUR_FOLDER}/main.js (${ours?.error ?? 'no error'})`
  );
  check(
    host.plugins.find(p => p.path === OTHER_FOLDER)?.ran === true,
    'the unrelated plugin ran too'
  );
  const routes = Object.values(host.routes).map(r => `${r.name} ${r.path}`);
  for (const expected of [
    'ScaledObjectYaml /keda/scaledobjects/:namespace/:name/yaml',
    'ScaledJobYaml /keda/scaledjobs/:namespace/:name/yaml',
    'TriggerAuthenticationYaml /keda/triggerauthentications/:namespace/:name/yaml',
    'ClusterTriggerAuthenticationYaml /keda/clustertriggerauthentications/:name/yaml',
    'keda-create /keda/create',
    'keda-relationships /keda/relationships',
  ]) {
    check(routes.includes(expected), `route registered: ${expected}`);
  }
  check(
    host.sidebar['keda-create']?.parent === 'keda' &&
      host.sidebar['keda-relationships']?.parent === 'keda',
    'sidebar: Create and Relationships under KEDA'
  );
  await page.waitForFunction(() => !!customElements.get('keda-scaled-object-list'));
  const early = await page.evaluate(
    tags => tags.filter(t => customElements.get(t)),
    Object.keys(LAZY)
  );
  check(early.length === 0, `no lazy element defined by main.js (${early.join(', ') || 'none'})`);
  check(
    lazyRequests().length === 0,
    `no lazy file requested for a list route (${lazyRequests().join(', ') || 'none'})`
  );
  if (shotsDir) await shoot('scaledobjects-list');

  console.log('details page: "Edit YAML" resolves to the editor route:');
  await page.goto(app('/keda/scaledobjects/orders/orders-processor'));
  await settle();
  // A router href: under the base URL, as the router would make it (router-links.tsx).
  const yamlHref = `${BASE}/c/${CLUSTER}/keda/scaledobjects/orders/orders-processor/yaml`;
  let href = null;
  try {
    const handle = await page.waitForFunction(
      wanted => {
        const find = root => {
          for (const a of root.querySelectorAll('a'))
            if (a.getAttribute('href') === wanted) return a.getAttribute('href');
          for (const el of root.querySelectorAll('*'))
            if (el.shadowRoot) {
              const hit = find(el.shadowRoot);
              if (hit) return hit;
            }
          return null;
        };
        return find(document);
      },
      yamlHref,
      { timeout: 30_000 }
    );
    href = await handle.jsonValue();
  } catch {
    // reported below
  }
  check(href === yamlHref, `a link to ${yamlHref} in the details view (base URL included)`);
  if (shotsDir) await shoot('scaledobject-details');

  console.log('YAML editor route:');
  await page.goto(app('/keda/scaledobjects/orders/orders-processor/yaml'));
  await settle();
  const editorShown = await waitInShadow('keda-yaml-editor', root => {
    const text = root.querySelector('.cm-content')?.textContent ?? '';
    return text.includes('kind: ScaledObject') && text.includes('name: orders-processor');
  });
  check(
    editorShown,
    'keda-yaml-editor defined and showing the ScaledObject from the cluster (CodeMirror)'
  );
  const editorFile = lazyRequests().find(r => r.includes('/keda-yaml-editor.js'));
  check(
    !!editorFile && editorFile.includes(`${BASE}/${OUR_FOLDER}/keda-yaml-editor.js?v=`),
    `fetched from the plugin folder Headlamp lists: ${editorFile}`
  );
  check(
    requests.some(r => r === `GET ${BASE}/plugins`),
    "asked Headlamp's GET /plugins (under the base URL)"
  );
  await collectDefined();
  if (shotsDir) await shoot('yaml-editor');

  console.log('creation wizard route:');
  await page.goto(app('/keda/create?namespace=orders'));
  await settle();
  check(
    await waitInShadow(
      'keda-create-wizard',
      root =>
        /orders-processor|storefront/.test(root.textContent ?? '') &&
        !!root.querySelector('[part~="steps"]')
    ),
    'keda-create-wizard defined, its steps shown, workloads of namespace orders listed from the cluster'
  );
  await collectDefined();
  if (shotsDir) await shoot('create-wizard');

  console.log('relationship graph route:');
  await page.goto(app('/keda/relationships'));
  await settle();
  check(
    await waitInShadow(
      'keda-relationship-graph',
      root =>
        !!root.querySelector('canvas') && (root.textContent ?? '').includes('orders-processor')
    ),
    'keda-relationship-graph defined, its canvas drawn, ScaledObjects of the cluster in it (cytoscape)'
  );
  await collectDefined();
  if (shotsDir) await shoot('relationships');

  console.log("links inside a lazy element go through Headlamp's router:");
  const detailsPath = `${BASE}/c/${CLUSTER}/keda/scaledobjects/orders/orders-processor`;
  await page.evaluate(() => {
    window.sameDocument = true;
  });
  const graph = page.locator('keda-relationship-graph');
  await graph.getByRole('button', { name: 'Show as list' }).click();
  const link = graph.locator(`a[href="${detailsPath}"]`).first();
  check(
    (await link.count()) === 1,
    `the graph links orders-processor to ${detailsPath} (base URL included)`
  );
  await link.click();
  const moved = await page.waitForURL(`${origin}${detailsPath}`, { timeout: 10_000 }).then(
    () => true,
    () => false
  );
  const sameDocument = await page.evaluate(() => window.sameDocument === true);
  check(
    moved && sameDocument,
    `a click opens the details route in place (url ${page.url()}, no reload: ${sameDocument})`
  );

  for (const [file, tags] of Object.entries(LAZY)) {
    const fromFile = Object.entries(definedBy)
      .filter(([, by]) => by === `${file}.js`)
      .map(([tag]) => tag)
      .sort();
    check(
      JSON.stringify(fromFile) === JSON.stringify([...tags].sort()),
      `${file}.js defined only ${tags.join(', ')} (it defined: ${fromFile.join(', ') || 'nothing'})`
    );
  }
  const mainTags = Object.entries(definedBy)
    .filter(([, by]) => by === 'dist/main.js')
    .map(([tag]) => tag);
  check(
    mainTags.includes('keda-connection') && !mainTags.some(t => t in LAZY),
    `main.js defined keda-connection and no lazy element (${mainTags.length} tags)`
  );

  console.log('a lazy file that cannot be fetched:');
  refuseGraph = true;
  const page2 = await context.newPage();
  await page2.goto(app('/keda/relationships'));
  const alert = page2.getByRole('alert');
  let alertText = '';
  try {
    await alert.waitFor({ timeout: 30_000 });
    alertText = await alert.innerText();
  } catch {
    // reported below
  }
  check(
    alertText.includes(`${origin}${BASE}/${OUR_FOLDER}/keda-relationship-graph.js`) &&
      alertText.includes('404'),
    `the page says which URL failed and how: ${JSON.stringify(
      alertText.split('\n').slice(0, 2).join(' ')
    )}`
  );
  refuseGraph = false;
  await page2.getByRole('button', { name: 'Retry' }).click();
  check(
    await page2
      .waitForFunction(
        () => !!document.querySelector('keda-relationship-graph')?.shadowRoot,
        null,
        { timeout: 30_000 }
      )
      .then(
        () => true,
        () => false
      ),
    'Retry loads it once the file is there'
  );
  await page2.close();

  check(
    pageErrors.length === 0,
    `no page errors${pageErrors.length ? `: ${pageErrors.slice(0, 5).join(' | ')}` : ''}`
  );
} finally {
  await browser.close();
  server.close();
  demo.kill('SIGTERM');
  rmSync(hostOut, { recursive: true, force: true });
}

async function shoot(name) {
  mkdirSync(shotsDir, { recursive: true });
  await page.waitForTimeout(1500); // layouts and charts settle
  await page.screenshot({ path: join(shotsDir, `${name}-light.png`), fullPage: true });
  const url = new URL(page.url());
  url.searchParams.set('theme', 'dark');
  await page.goto(url.href);
  await settle();
  await page.waitForTimeout(4000);
  await page.screenshot({ path: join(shotsDir, `${name}-dark.png`), fullPage: true });
  console.log(`  shot ${name}-light.png, ${name}-dark.png`);
}

console.log(failures.length ? `check-dist: ${failures.length} failed` : 'check-dist: all passed');
process.exit(failures.length ? 1 : 0);

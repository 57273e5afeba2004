import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ClusterBackend } from './cluster-backend.ts';
import { DemoServer } from './demo-server.ts';
import { SimBackend } from './sim-backend.ts';

const HELP = `Usage: npm start -- [options]

Serves the KEDA dashboard: an embedded simulated KEDA cluster by default, or real clusters
through a kubeconfig (each context at /clusters/<context>/).

Options:
  --port N            port to listen on (default 4477; 0 picks a free port)
  --host ADDR         address to bind (default 127.0.0.1; anything else prints a warning)
  --kubeconfig PATH   serve the contexts of this kubeconfig instead of the simulated cluster
  --context NAME      serve only this context (repeat it, or NAME,NAME); default: every context,
                      the current one first
  --read-only         refuse writes (create, update, patch, delete; dry runs with ?dryRun=All pass)
  --scenario NAME     simulated cluster scenario: demo (default) or empty
  -h, --help          show this help
`;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

async function kubeconfigClusters(
  path: string,
  contexts: string[],
): Promise<{ clusters: ClusterBackend[]; secretFiles: string[] }> {
  if (!existsSync(path)) throw new Error(`--kubeconfig ${path}: no such file`);
  // Loaded only when asked for: client-node is large, and the simulated cluster does not need it.
  const { KubeconfigBackend, credentialFiles, loadKubeconfig, selectContexts } =
    await import('./kubeconfig-backend.ts');
  const kc = loadKubeconfig(path);
  const clusters = selectContexts(kc, contexts).map((name) => new KubeconfigBackend(name, kc));
  return { clusters, secretFiles: credentialFiles(path, kc) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4477' },
      host: { type: 'string', default: '127.0.0.1' },
      kubeconfig: { type: 'string' },
      context: { type: 'string', multiple: true, default: [] },
      'read-only': { type: 'boolean', default: false },
      scenario: { type: 'string', default: 'demo' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got "${values.port}"`);
  if (values.scenario !== 'demo' && values.scenario !== 'empty') {
    throw new Error(`--scenario must be "demo" or "empty", got "${values.scenario}"`);
  }
  const contexts = values.context
    .flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (contexts.length > 0 && !values.kubeconfig) throw new Error('--context needs --kubeconfig');
  if (!LOOPBACK_HOSTS.has(values.host)) {
    process.stderr.write(
      `Warning: binding ${values.host} exposes the dashboard beyond this machine: anyone who can reach it acts on the clusters with your credentials${values['read-only'] ? ' (read-only)' : ''}.\n`,
    );
  }
  const siteRoot = fileURLToPath(new URL('../dist', import.meta.url));
  if (!existsSync(siteRoot))
    throw new Error(`The site is not built: run "npm run build -w demo-site" (looked in ${siteRoot})`);

  const { clusters, secretFiles }: { clusters: ClusterBackend[]; secretFiles: string[] } = values.kubeconfig
    ? await kubeconfigClusters(resolve(values.kubeconfig), contexts)
    : { clusters: [await SimBackend.create('sim', { scenario: values.scenario })], secretFiles: [] };
  const readOnly = values['read-only'];
  const server = new DemoServer({ host: values.host, port, siteRoot, clusters, readOnly, secretFiles });
  const url = await server.listen();
  const mode = readOnly ? ', read-only' : '';
  if (values.kubeconfig) {
    process.stdout.write(`KEDA dashboard on ${url} (kubeconfig ${values.kubeconfig}${mode})\n`);
    for (const cluster of clusters) {
      const status = await cluster.probe();
      const detail =
        status.state === 'ok' ? `ok${status.version ? `, ${status.version}` : ''}` : status.message;
      process.stdout.write(
        `  /clusters/${encodeURIComponent(cluster.name)}/  ${cluster.server ?? ''}  ${detail}\n`,
      );
    }
  } else {
    process.stdout.write(
      `KEDA dashboard demo on ${url} (simulated KEDA cluster, scenario "${values.scenario}"${mode})\n`,
    );
  }

  const shutdown = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

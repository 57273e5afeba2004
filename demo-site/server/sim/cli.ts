/**
 * `npm run sim -- [--port N] [--host H] [--kubeconfig-out FILE] [--insecure-http]
 *                 [--scenario demo|empty] [--seed N] [--quiet]`
 * Serves the simulated cluster until Ctrl-C.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SimCluster } from './cluster.ts';
import { SCENARIOS, type ScenarioName } from './scenarios/index.ts';

const USAGE = `Usage: npm run sim -- [options]
  --port N              port to listen on (default 6443; 0 = any free port)
  --host H              address to bind (default 127.0.0.1)
  --kubeconfig-out FILE where to write a kubeconfig (default: <tmp>/keda-sim/kubeconfig)
  --insecure-http       serve plain HTTP (requests without a token are accepted)
  --scenario NAME       demo (default) or empty
  --seed N              seed for reproducible uids, names and timings
  --quiet               do not log requests
`;

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function fail(message: string): never {
  process.stderr.write(`keda-sim: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'kubeconfig-out': { type: 'string' },
        'insecure-http': { type: 'boolean' },
        scenario: { type: 'string' },
        seed: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    out(USAGE);
    return;
  }
  const port = values.port === undefined ? 6443 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port ${values.port ?? ''}`);
  const scenario = (values.scenario ?? 'demo') as ScenarioName;
  if (!SCENARIOS.includes(scenario)) fail(`unknown --scenario ${scenario} (one of ${SCENARIOS.join(', ')})`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) fail(`invalid --seed ${values.seed ?? ''}`);
  const kubeconfigPath = resolve(values['kubeconfig-out'] ?? join(tmpdir(), 'keda-sim', 'kubeconfig'));

  const cluster = await SimCluster.create({
    scenario,
    seed,
    log: values.quiet ? undefined : (line) => out(line),
  });
  const { url } = await cluster.listen({ port, host: values.host, insecureHttp: values['insecure-http'] });
  mkdirSync(dirname(kubeconfigPath), { recursive: true });
  writeFileSync(kubeconfigPath, cluster.kubeconfig(url), { mode: 0o600 });

  out(`keda-sim: Kubernetes API (scenario "${scenario}") at ${url}`);
  out(`kubeconfig: ${kubeconfigPath}`);
  out(`  try: kubectl --kubeconfig ${kubeconfigPath} get scaledobjects -A`);
  out(`read-only token: ${cluster.readOnlyToken}`);
  out('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    out('keda-sim: shutting down');
    cluster.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `keda-sim: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

/**
 * `npm run sim -- [--port N] [--host H] [--kubeconfig-out FILE] [--client-cert-out DIR] [--insecure-http]
 *                 [--scenario demo|empty] [--scenario-file FILE] [--seed N] [--speed N] [--paused]
 *                 [--history SECONDS] [--keda-version 2.19|2.20.1|2.20.2] [--quiet] [fault options]`
 * Serves the simulated cluster until Ctrl-C.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SimCluster } from './cluster.ts';
import { KEDA_VERSIONS } from './controllers/keda/common.ts';
import {
  FaultSettingsError,
  parseDelayArgument,
  parseFaultSettings,
  type FaultSettings,
} from './faults/settings.ts';
import { SCENARIOS, type ScenarioName } from './scenarios/index.ts';

const USAGE = `Usage: npm run sim -- [options]
  --port N              port to listen on (default 6443; 0 = any free port)
  --host H              address to bind (default 127.0.0.1)
  --kubeconfig-out FILE where to write a kubeconfig (default: <tmp>/keda-sim/kubeconfig)
  --client-cert-out DIR write DIR/client.crt and DIR/client.key: a client certificate the cluster's
                        CA signed (user "cert-admin", group system:masters), and DIR/ca.crt
  --insecure-http       serve plain HTTP (requests without a token are accepted)
  --scenario NAME       demo (default) or empty
  --scenario-file FILE  a scenario file (YAML: manifests, source curves, timeline) on top of empty
  --seed N              seed for reproducible uids, names and timings
  --speed N             virtual seconds per real second (default 1; e.g. 60: a minute per second)
  --paused              start with the clock paused (step it with POST /sim/v1/clock/step)
  --history SECONDS     virtual history simulated before now at startup (default: the scenario's)
  --keda-version V      the KEDA operator simulated: 2.19, 2.20.1 or 2.20.2 (default)
  --quiet               do not log requests

Fault injection (change them later with PUT /sim/v1/faults; see the sim README):
  --drop-watches-every MS    end every open watch every MS milliseconds
  --delay MS|MIN-MAX         hold every request MS (or MIN..MAX, uniform) milliseconds
  --error-rate R             answer a share R (0..1) of requests with 500 InternalError
  --expire-history-every MS  forget the watch history every MS ms (resuming watches get 410)
  --fault-paths P[,P...]     apply the request and watch faults only under these path prefixes
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
        'client-cert-out': { type: 'string' },
        'insecure-http': { type: 'boolean' },
        scenario: { type: 'string' },
        'scenario-file': { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        paused: { type: 'boolean' },
        history: { type: 'string' },
        'keda-version': { type: 'string' },
        quiet: { type: 'boolean' },
        'drop-watches-every': { type: 'string' },
        delay: { type: 'string' },
        'error-rate': { type: 'string' },
        'expire-history-every': { type: 'string' },
        'fault-paths': { type: 'string' },
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
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 100_000) fail(`invalid --speed ${values.speed ?? ''}`);
  const history = values.history === undefined ? undefined : Number(values.history);
  if (history !== undefined && (!Number.isFinite(history) || history < 0 || history > 7 * 24 * 3600)) {
    fail(`invalid --history ${values.history ?? ''} (0..604800 seconds)`);
  }
  const kedaVersion = (values['keda-version'] ?? '2.20.2') as (typeof KEDA_VERSIONS)[number];
  if (!KEDA_VERSIONS.includes(kedaVersion)) {
    fail(`unknown --keda-version ${kedaVersion} (one of ${KEDA_VERSIONS.join(', ')})`);
  }
  const kubeconfigPath = resolve(values['kubeconfig-out'] ?? join(tmpdir(), 'keda-sim', 'kubeconfig'));
  let faults: FaultSettings;
  try {
    const number = (flag: string, text: string | undefined): number | undefined => {
      if (text === undefined) return undefined;
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n))
        throw new FaultSettingsError([`invalid --${flag} ${text}`]);
      return n;
    };
    faults = parseFaultSettings({
      dropWatchesEveryMs: number('drop-watches-every', values['drop-watches-every']),
      delayMs: values.delay === undefined ? undefined : parseDelayArgument(values.delay),
      errorRate: number('error-rate', values['error-rate']),
      expireHistoryEveryMs: number('expire-history-every', values['expire-history-every']),
      paths: values['fault-paths']
        ?.split(',')
        .map((p) => p.trim())
        .filter((p) => p.length > 0),
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  let cluster: SimCluster;
  try {
    cluster = await SimCluster.create({
      scenario,
      seed,
      faults,
      speed,
      paused: values.paused ?? false,
      kedaVersion,
      ...(values['scenario-file'] ? { scenarioFile: resolve(values['scenario-file']) } : {}),
      ...(history !== undefined ? { historySeconds: history } : {}),
      log: values.quiet ? undefined : (line) => out(line),
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { url, caPem } = await cluster.listen({
    port,
    host: values.host,
    insecureHttp: values['insecure-http'],
  });
  mkdirSync(dirname(kubeconfigPath), { recursive: true });
  writeFileSync(kubeconfigPath, cluster.kubeconfig(url), { mode: 0o600 });

  const certDir = values['client-cert-out'];
  if (certDir !== undefined) {
    if (values['insecure-http']) fail('--client-cert-out needs HTTPS (drop --insecure-http)');
    const dir = resolve(certDir);
    const { certPem, keyPem } = cluster.issueClientCertificate('cert-admin', ['system:masters']);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'client.crt'), certPem, { mode: 0o600 });
    writeFileSync(join(dir, 'client.key'), keyPem, { mode: 0o600 });
    writeFileSync(join(dir, 'ca.crt'), caPem ?? '', { mode: 0o600 });
    out(
      `client certificate: ${join(dir, 'client.crt')} (key ${join(dir, 'client.key')}, CA ${join(dir, 'ca.crt')})`,
    );
  }

  const clock = cluster.clock.state();
  out(
    `keda-sim: Kubernetes API (scenario "${values['scenario-file'] ?? scenario}", KEDA ${kedaVersion}, speed ${clock.speed}${clock.paused ? ', paused' : ''}) at ${url}`,
  );
  out(`kubeconfig: ${kubeconfigPath}`);
  out(`  try: kubectl --kubeconfig ${kubeconfigPath} get scaledobjects -A`);
  out(`read-only token: ${cluster.readOnlyToken}`);
  out(`control API: ${url}/sim/v1 (clock, sources, faults: ${JSON.stringify(cluster.status().faults)})`);
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

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DemoServer } from './demo-server.ts';
import { SimBackend } from './sim-backend.ts';

const HELP = `Usage: npm start -- [options]

Serves the KEDA dashboard demo site with an embedded simulated KEDA cluster.

Options:
  --port N          port to listen on (default 4477; 0 picks a free port)
  --host ADDR       address to bind (default 127.0.0.1)
  --scenario NAME   simulated cluster scenario: demo (default) or empty
  -h, --help        show this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4477' },
      host: { type: 'string', default: '127.0.0.1' },
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
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    process.stderr.write(
      `Warning: binding ${values.host} exposes the dashboard (and the cluster it drives) beyond this machine.\n`,
    );
  }
  const siteRoot = fileURLToPath(new URL('../dist', import.meta.url));
  if (!existsSync(siteRoot))
    throw new Error(`The site is not built: run "npm run build -w demo-site" (looked in ${siteRoot})`);

  const sim = await SimBackend.create('sim', { scenario: values.scenario });
  const server = new DemoServer({ host: values.host, port, siteRoot, clusters: [sim] });
  const url = await server.listen();
  process.stdout.write(
    `KEDA dashboard demo on ${url} (simulated KEDA cluster, scenario "${values.scenario}")\n`,
  );

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

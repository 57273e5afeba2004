// Runs after `npm ci` / `npm install` at the root: builds the components package (its .d.ts and
// .js are what the Headlamp plugin consumes) and installs the plugin-shell project, which has its
// own lockfile because @kinvolk/headlamp-plugin cannot share a workspace with vite 8 (TOOLCHAIN.md).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

if (process.env.KEDA_SKIP_POSTINSTALL) process.exit(0);
run('npm run build -w keda-elements --silent');
if (existsSync(join(root, 'plugin-shell', 'package-lock.json'))) {
  run('npm ci --prefix plugin-shell --no-audit --no-fund');
} else if (existsSync(join(root, 'plugin-shell', 'package.json'))) {
  run('npm install --prefix plugin-shell --no-audit --no-fund');
}

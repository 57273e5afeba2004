// Finds the Chromium the browser suites run in: $CHROMIUM_PATH, else Debian's /usr/bin/chromium,
// else (as root) installs Debian's `chromium` package. Never downloads a browser build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN_PATH = '/usr/bin/chromium';

export function ensureChromium(log = (line) => process.stdout.write(`${line}\n`)) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (existsSync(DEBIAN_PATH)) return DEBIAN_PATH;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `No Chromium found. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary.`,
    );
  }
  log('Chromium not found: installing Debian package "chromium" with apt-get (about a minute)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(DEBIAN_PATH)) throw new Error(`apt-get installed chromium but ${DEBIAN_PATH} is missing`);
  return DEBIAN_PATH;
}

/**
 * A Debian package's binary a suite needs (prometheus for the Prometheus e2e): there already, or
 * installed with apt-get when running as root; otherwise false (the suite says what to install).
 */
export function ensureDebianBinary(path, pkg, log = (line) => process.stdout.write(`${line}\n`)) {
  if (existsSync(path)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) return false;
  log(`${path} not found: installing Debian package "${pkg}" with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], {
      stdio: 'inherit',
      env,
    });
  } catch (error) {
    log(`apt-get could not install ${pkg}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return existsSync(path);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${ensureChromium()}\n`);
}

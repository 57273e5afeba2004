// `npm run package`: Headlamp's plugin tarball (<name>/main.js + <name>/package.json, via
// `headlamp-plugin package`) and, next to it, artifacthub-pkg.yml in Headlamp's ArtifactHub format
// with the tarball's sha256 (set KEDA_PLUGIN_ARCHIVE_URL to where the tarball will be published).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(fileURLToPath(import.meta.url), '..', '..');
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const tarball = `${pkg.name}-${pkg.version}.tar.gz`;

// Every file of dist/ goes in: main.js and the element files it loads from beside it.
const distFiles = existsSync(join(dir, 'dist')) ? readdirSync(join(dir, 'dist')) : [];
if (!distFiles.includes('main.js')) {
  console.error('dist/main.js is missing: run `npm run build` first');
  process.exit(1);
}
// headlamp-plugin refuses to overwrite a tarball: this one is rebuilt from dist/.
rmSync(join(dir, tarball), { force: true });
execFileSync('npx', ['headlamp-plugin', 'package', '.'], { cwd: dir, stdio: 'inherit' });

const entries = execFileSync('tar', ['-tzf', join(dir, tarball)], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
const missing = [...distFiles, 'package.json'].filter(
  file => !entries.some(entry => entry.endsWith(`/${file}`))
);
if (missing.length) {
  console.error(`${tarball} lacks ${missing.join(', ')}`);
  process.exit(1);
}
const sha256 = createHash('sha256')
  .update(readFileSync(join(dir, tarball)))
  .digest('hex');
const archiveUrl = process.env.KEDA_PLUGIN_ARCHIVE_URL ?? `file://${join(dir, tarball)}`;
const quote = s => JSON.stringify(String(s));

const yml = `version: ${pkg.version}
name: ${pkg.name}
displayName: KEDA dashboard
createdAt: ${quote(new Date().toISOString().replace(/\.\d+Z$/, 'Z'))}
description: ${quote(pkg.description)}
license: ${pkg.license}
keywords:
  - keda
  - autoscaling
  - scaledobject
  - headlamp
annotations:
  headlamp/plugin/archive-url: ${quote(archiveUrl)}
  headlamp/plugin/archive-checksum: ${quote(`SHA256:${sha256}`)}
  headlamp/plugin/version-compat: ">=0.22"
  headlamp/plugin/distro-compat: "in-cluster,web,docker-desktop,desktop"
install: |
  Headlamp desktop: extract ${tarball} into the plugins folder (Linux ~/.config/Headlamp/plugins,
  macOS ~/Library/Application Support/Headlamp/plugins, Windows %APPDATA%/Headlamp/Config/plugins)
  and restart Headlamp. In-cluster: see the plugin README.
`;
writeFileSync(join(dir, 'artifacthub-pkg.yml'), yml);
process.stdout.write(
  `${tarball}: ${entries.join(', ')}\n  sha256 ${sha256}\nartifacthub-pkg.yml written\n`
);

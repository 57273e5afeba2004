// `npm run bench [-- NAME...]`: runs the benchmarks in e2e/bench/*.bench.ts (each writes
// e2e/bench/results/NAME.json, the format in ARCHITECTURE.md). Never part of `npm test`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'e2e', 'bench');
const all = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  process.stderr.write(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${all.join(', ')}\n`);
  process.exit(2);
}
process.env.CHROMIUM_PATH = ensureChromium();
let failed = 0;
for (const name of wanted.length ? wanted : all) {
  process.stdout.write(`\n━━━ bench ${name} ━━━\n`);
  const r = spawnSync(
    'node',
    ['--conditions=source', '--import', 'tsx', join(benchDir, `${name}.bench.ts`)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);

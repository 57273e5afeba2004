// `npm run size`: what dist/main.js is made of. Builds the plugin like `headlamp-plugin build`
// does (Headlamp's vite config inline, this project's vite.config.mts merged under it,
// NODE_ENV=production) but with a source map, into a temporary folder, then attributes every byte
// of the minified output to the source it came from and prints the largest packages (or, with
// `--files`, source files): raw bytes and gzip -9 bytes of that package's slices taken alone
// (the slices' gzip sizes add up to about the whole file's). Nothing is written to dist/.
//   node scripts/bundle-breakdown.mjs [--top N] [--files] [--match TEXT]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dir = join(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2);
const option = name => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const top = Number(option('--top') ?? 30);
const byFile = args.includes('--files');
const match = option('--match');

process.chdir(dir);
process.env.NODE_ENV = 'production';
const headlamp = (await import('@kinvolk/headlamp-plugin/config/vite.config.mjs')).default;
const vite = await import('vite');
const out = mkdtempSync(join(tmpdir(), 'keda-plugin-size-'));
const production = JSON.stringify('production');
try {
  await vite.build({
    ...headlamp,
    logLevel: 'warn',
    define: {
      ...headlamp.define,
      'process.env.NODE_ENV': production,
      'import.meta.env.NODE_ENV': production,
    },
    build: { ...headlamp.build, outDir: out, emptyOutDir: true, sourcemap: true },
  });
  report(
    readFileSync(join(out, 'main.js'), 'utf8'),
    JSON.parse(readFileSync(join(out, 'main.js.map'), 'utf8'))
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}

/** Base64 VLQ segments of a source map's `mappings`: [generated column, source index] per segment. */
function* segments(mappings) {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let line = 0;
  let source = 0;
  for (const lineText of mappings.split(';')) {
    let column = 0;
    for (const segment of lineText.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = digits.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      yield { line, column, source: fields.length > 1 ? source : -1 };
    }
    line++;
  }
}

/** `node_modules/@scope/name` -> `@scope/name`; our own sources -> `components/<dir>` etc. */
function groupOf(path) {
  const abs = resolve(out, path);
  const nm = abs.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const [first, second] = abs.slice(nm + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const root = resolve(dir, '..');
  const rel = abs.startsWith(root) ? abs.slice(root.length + 1) : abs;
  const parts = rel.split('/');
  return parts[0] === 'components'
    ? parts.slice(0, 4).join('/').replace(/\.js$/, '')
    : parts.slice(0, 2).join('/');
}

function report(code, map) {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const offsets = [...segments(map.mappings)].map(s => ({
    at: lineStarts[s.line] + s.column,
    source: s.source,
  }));
  offsets.sort((a, b) => a.at - b.at);
  const pieces = new Map();
  for (let i = 0; i < offsets.length; i++) {
    const { at, source } = offsets[i];
    const end = i + 1 < offsets.length ? offsets[i + 1].at : code.length;
    const path = source >= 0 ? map.sources[source] : '(no source)';
    const key =
      source < 0
        ? path
        : byFile
        ? resolve(out, path).replace(`${resolve(dir, '..')}/`, '')
        : groupOf(path);
    if (!pieces.has(key)) pieces.set(key, []);
    pieces.get(key).push(code.slice(at, end));
  }
  const rows = [...pieces]
    .filter(([key]) => !match || key.includes(match))
    .map(([key, slices]) => {
      const text = slices.join('');
      return { key, raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
  const kb = n => (n / 1024).toFixed(1).padStart(8);
  const whole = Buffer.from(code);
  console.log(
    `dist/main.js as built here: ${kb(whole.length)} KB raw ${kb(
      gzipSync(whole, { level: 9 }).length
    )} KB gzip`
  );
  console.log(
    `${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}  ${
      byFile ? 'source file' : 'package / folder'
    }`
  );
  for (const row of rows.slice(0, top)) console.log(`${kb(row.raw)} ${kb(row.gzip)}  ${row.key}`);
  if (rows.length > top) console.log(`(${rows.length - top} more; --top N to see them)`);
}

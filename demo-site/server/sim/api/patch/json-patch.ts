/** JSON Patch (RFC 6902), `application/json-patch+json`, over JSON pointers (RFC 6901). */
import { clone, deepEqual, isObject } from '../../core/json.ts';
import { PatchError } from './errors.ts';

type Op = 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
const OPS: readonly string[] = ['add', 'remove', 'replace', 'move', 'copy', 'test'];

interface Operation {
  op: Op;
  path: string[];
  rawPath: string;
  from?: string[];
  rawFrom?: string;
  value?: unknown;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchError('decode', `invalid JSON pointer: "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function decode(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) {
    throw new PatchError('decode', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  }
  return patch.map((raw, i): Operation => {
    if (!isObject(raw)) throw new PatchError('decode', `operation ${i} is not an object`);
    const op = raw.op;
    if (typeof op !== 'string' || !OPS.includes(op)) {
      throw new PatchError('apply', `Unexpected kind: ${String(op)}`);
    }
    if (typeof raw.path !== 'string') throw new PatchError('apply', `operation ${i}: missing path`);
    const out: Operation = { op: op as Op, path: parsePointer(raw.path), rawPath: raw.path };
    if (op === 'move' || op === 'copy') {
      if (typeof raw.from !== 'string') throw new PatchError('apply', `operation ${i}: missing from`);
      out.from = parsePointer(raw.from);
      out.rawFrom = raw.from;
    }
    if (op === 'add' || op === 'replace' || op === 'test') {
      if (!Object.hasOwn(raw, 'value')) throw new PatchError('apply', `operation ${i}: missing value`);
      out.value = raw.value;
    }
    return out;
  });
}

function arrayIndex(token: string, length: number, allowEnd: boolean, path: string): number {
  if (token === '-' && allowEnd) return length;
  if (!/^(0|[1-9]\d*)$/.test(token))
    throw new PatchError('apply', `invalid array index "${token}" in ${path}`);
  const index = Number(token);
  if (index > length || (!allowEnd && index === length)) {
    throw new PatchError('apply', `index out of range: ${token} in ${path}`);
  }
  return index;
}

/** The container addressed by all but the last token. */
function parentOf(doc: unknown, path: string[], raw: string): unknown {
  let cur = doc;
  for (const token of path.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(token, cur.length, false, raw)];
    else if (isObject(cur) && Object.hasOwn(cur, token)) cur = cur[token];
    else throw new PatchError('apply', `doc is missing path: "${raw}": missing value`);
  }
  return cur;
}

function getValue(doc: unknown, path: string[], raw: string): unknown {
  let cur = doc;
  for (const token of path) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(token, cur.length, false, raw)];
    else if (isObject(cur) && Object.hasOwn(cur, token)) cur = cur[token];
    else throw new PatchError('apply', `doc is missing path: "${raw}": missing value`);
  }
  return cur;
}

function add(doc: unknown, path: string[], value: unknown, raw: string): unknown {
  if (path.length === 0) return clone(value);
  const parent = parentOf(doc, path, raw);
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(parent)) parent.splice(arrayIndex(last, parent.length, true, raw), 0, clone(value));
  else if (isObject(parent)) parent[last] = clone(value);
  else throw new PatchError('apply', `doc is missing path: "${raw}": missing value`);
  return doc;
}

function remove(doc: unknown, path: string[], raw: string): unknown {
  if (path.length === 0) throw new PatchError('apply', 'cannot remove the whole document');
  const parent = parentOf(doc, path, raw);
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(parent)) parent.splice(arrayIndex(last, parent.length, false, raw), 1);
  else if (isObject(parent) && Object.hasOwn(parent, last)) delete parent[last];
  else
    throw new PatchError(
      'apply',
      `remove operation does not apply: doc is missing path: "${raw}": missing value`,
    );
  return doc;
}

export function applyJsonPatch(target: unknown, patch: unknown): unknown {
  let doc = clone(target);
  for (const op of decode(patch)) {
    switch (op.op) {
      case 'add':
        doc = add(doc, op.path, op.value, op.rawPath);
        break;
      case 'remove':
        doc = remove(doc, op.path, op.rawPath);
        break;
      case 'replace':
        getValue(doc, op.path, op.rawPath);
        if (op.path.length === 0) {
          doc = clone(op.value);
        } else {
          doc = remove(doc, op.path, op.rawPath);
          doc = add(doc, op.path, op.value, op.rawPath);
        }
        break;
      case 'move': {
        const from = op.from ?? [];
        const value = clone(getValue(doc, from, op.rawFrom ?? ''));
        doc = remove(doc, from, op.rawFrom ?? '');
        doc = add(doc, op.path, value, op.rawPath);
        break;
      }
      case 'copy':
        doc = add(doc, op.path, getValue(doc, op.from ?? [], op.rawFrom ?? ''), op.rawPath);
        break;
      case 'test':
        if (!deepEqual(getValue(doc, op.path, op.rawPath), op.value)) {
          throw new PatchError('apply', `testing value ${op.rawPath} failed: test failed`);
        }
        break;
    }
  }
  return doc;
}

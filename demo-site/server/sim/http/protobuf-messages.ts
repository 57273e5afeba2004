/**
 * Field tables of the k8s.io/api protobuf messages that kubectl's `create job`, `create service`
 * and `create deployment` generators send, and a decoder driven by them. Zero values are left
 * out, as Go's JSON encoding does with `omitempty`, unless the field is a pointer (`keepZero`).
 */
import type { JsonObject } from '../core/json.ts';
import { readFields, type Field } from './protobuf-wire.ts';

type Scalar = 'string' | 'int' | 'bool' | 'stringMap' | 'intOrString';

interface FieldSpec {
  name: string;
  type: Scalar | Message;
  repeated?: boolean;
  /** A pointer field in Go: present means set, even to its zero value. */
  keepZero?: boolean;
}

export type Message = Readonly<Record<number, FieldSpec>>;

const s = (name: string): FieldSpec => ({ name, type: 'string' });
const i = (name: string, keepZero = false): FieldSpec => ({ name, type: 'int', keepZero });
const b = (name: string, keepZero = false): FieldSpec => ({ name, type: 'bool', keepZero });
const m = (name: string, type: Message, repeated = false): FieldSpec => ({ name, type, repeated });
const list = (name: string): FieldSpec => ({ name, type: 'string', repeated: true });

const LABEL_SELECTOR: Message = {
  1: { name: 'matchLabels', type: 'stringMap' },
  2: m('matchExpressions', { 1: s('key'), 2: s('operator'), 3: list('values') }, true),
};

const CONTAINER: Message = {
  1: s('name'),
  2: s('image'),
  3: list('command'),
  4: list('args'),
  5: s('workingDir'),
  6: m(
    'ports',
    { 1: s('name'), 2: i('hostPort'), 3: i('containerPort'), 4: s('protocol'), 5: s('hostIP') },
    true,
  ),
  7: m('env', { 1: s('name'), 2: s('value') }, true),
  8: m('resources', { 1: { name: 'limits', type: 'stringMap' }, 2: { name: 'requests', type: 'stringMap' } }),
  14: s('imagePullPolicy'),
  16: b('stdin'),
  17: b('stdinOnce'),
  18: b('tty'),
};

const POD_TEMPLATE: Message = {
  1: m('metadata', {
    11: { name: 'labels', type: 'stringMap' },
    12: { name: 'annotations', type: 'stringMap' },
  }),
  2: m('spec', {
    2: m('containers', CONTAINER, true),
    3: s('restartPolicy'),
    6: s('dnsPolicy'),
    8: s('serviceAccountName'),
    20: m('initContainers', CONTAINER, true),
  }),
};

/** The spec messages of the generator kinds, by kind. */
export const GENERATOR_SPECS: Readonly<Record<string, Message>> = {
  Service: {
    1: m(
      'ports',
      {
        1: s('name'),
        2: s('protocol'),
        3: i('port'),
        4: { name: 'targetPort', type: 'intOrString' },
        5: i('nodePort'),
      },
      true,
    ),
    2: { name: 'selector', type: 'stringMap' },
    3: s('clusterIP'),
    4: s('type'),
    5: list('externalIPs'),
    10: s('externalName'),
  },
  Job: {
    1: i('parallelism', true),
    2: i('completions', true),
    3: i('activeDeadlineSeconds', true),
    4: m('selector', LABEL_SELECTOR),
    5: b('manualSelector', true),
    6: m('template', POD_TEMPLATE),
    7: i('backoffLimit', true),
    8: i('ttlSecondsAfterFinished', true),
    10: b('suspend', true),
  },
  Deployment: {
    1: i('replicas', true),
    2: m('selector', LABEL_SELECTOR),
    3: m('template', POD_TEMPLATE),
    5: i('minReadySeconds'),
    6: i('revisionHistoryLimit', true),
    9: i('progressDeadlineSeconds', true),
  },
};

const text = (f: Field | undefined): string => f?.bytes?.toString('utf8') ?? '';

function mapEntries(entries: Field[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const kv = readFields(entry.bytes ?? Buffer.alloc(0));
    out[text(kv.find((f) => f.number === 1))] = text(kv.find((f) => f.number === 2));
  }
  return out;
}

function intOrString(field: Field): number | string | undefined {
  const parts = readFields(field.bytes ?? Buffer.alloc(0));
  const type = parts.find((f) => f.number === 1)?.int ?? 0;
  if (type === 1) return text(parts.find((f) => f.number === 3)) || undefined;
  return parts.find((f) => f.number === 2)?.int ?? 0;
}

/** A varint read as Go's int32 (two's complement of the low 32 bits). */
const int32 = (value: number): number => (value % 2 ** 32) | 0;

function scalar(spec: FieldSpec, field: Field): unknown {
  switch (spec.type) {
    case 'string':
      return text(field);
    case 'int':
      return int32(field.int ?? 0);
    case 'bool':
      return (field.int ?? 0) !== 0;
    case 'intOrString':
      return intOrString(field);
    default:
      return typeof spec.type === 'object'
        ? decodeMessage(field.bytes ?? Buffer.alloc(0), spec.type)
        : undefined;
  }
}

const isZero = (value: unknown): boolean =>
  value === '' ||
  value === 0 ||
  value === false ||
  value === undefined ||
  (typeof value === 'object' && value !== null && Object.keys(value).length === 0);

/** Decodes `bytes` as `message`; fields it does not list are ignored. */
export function decodeMessage(bytes: Buffer, message: Message): JsonObject {
  const fields = readFields(bytes);
  const out: JsonObject = {};
  for (const [number, spec] of Object.entries(message)) {
    const present = fields.filter((f) => f.number === Number(number));
    if (present.length === 0) continue;
    if (spec.type === 'stringMap') {
      out[spec.name] = mapEntries(present);
      continue;
    }
    if (spec.repeated) {
      out[spec.name] = present.map((f) => scalar(spec, f));
      continue;
    }
    const last = present[present.length - 1];
    const value = last ? scalar(spec, last) : undefined;
    if (spec.keepZero ? value !== undefined : !isZero(value)) out[spec.name] = value;
  }
  return out;
}

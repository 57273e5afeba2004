/**
 * Hardening suite 3's corpus: malformed or invalid inputs for the YAML editor's checks and the API
 * server, each with where its problem is. Built from four valid objects (one per KEDA kind) by
 * breaking one known line, so every entry's expected line is where the breakage was put, not what
 * a checker happened to say. Deterministic (seeded) so a failure names the same entry every run.
 */
import type { KedaKind } from '../../../src/core/keda/crd-schema.js';
import { SCALERS } from '../../../src/core/keda/scalers.generated.js';

export interface BadInput {
  id: string;
  category: string;
  kind: KedaKind;
  text: string;
  expect: {
    /** 1-based line the issue must be reported at. */
    line: number;
    /** The field path (`spec.triggers.0.type`) when the problem is about a field. */
    path?: string;
    /** `warning` when KEDA accepts the object but it will not work (the editor must still say so). */
    severity?: 'error' | 'warning';
    /** Part of the message, when it matters what it says. */
    message?: RegExp;
  };
  /** What the API server must answer to a create in namespace `bad-input`. */
  server: { status: number; field?: string } | 'accepted';
}

export const NAMESPACE = 'bad-input';

/** Valid objects; comments give line numbers that the entries refer to. */
export const BASES: Record<KedaKind, string> = {
  ScaledObject: [
    'apiVersion: keda.sh/v1alpha1', // 1
    'kind: ScaledObject', // 2
    'metadata:', // 3
    '  name: orders', // 4
    `  namespace: ${NAMESPACE}`, // 5
    'spec:', // 6
    '  scaleTargetRef:', // 7
    '    name: orders-consumer', // 8
    '  minReplicaCount: 0', // 9
    '  maxReplicaCount: 5', // 10
    '  pollingInterval: 30', // 11
    '  triggers:', // 12
    '  - type: rabbitmq', // 13
    '    metadata:', // 14
    '      queueName: orders', // 15
    '      mode: QueueLength', // 16
    '      value: "50"', // 17
    '    authenticationRef:', // 18
    '      name: rabbit-auth', // 19
    '',
  ].join('\n'),
  ScaledJob: [
    'apiVersion: keda.sh/v1alpha1', // 1
    'kind: ScaledJob', // 2
    'metadata:', // 3
    '  name: resize', // 4
    `  namespace: ${NAMESPACE}`, // 5
    'spec:', // 6
    '  jobTargetRef:', // 7
    '    template:', // 8
    '      spec:', // 9
    '        containers:', // 10
    '        - name: worker', // 11
    '          image: busybox', // 12
    '        restartPolicy: Never', // 13
    '  pollingInterval: 30', // 14
    '  maxReplicaCount: 10', // 15
    '  triggers:', // 16
    '  - type: aws-sqs-queue', // 17
    '    metadata:', // 18
    '      queueURL: https://sqs.eu-west-1.amazonaws.com/1/q', // 19
    '      queueLength: "5"', // 20
    '      awsRegion: eu-west-1', // 21
    '',
  ].join('\n'),
  TriggerAuthentication: [
    'apiVersion: keda.sh/v1alpha1', // 1
    'kind: TriggerAuthentication', // 2
    'metadata:', // 3
    '  name: rabbit-auth', // 4
    `  namespace: ${NAMESPACE}`, // 5
    'spec:', // 6
    '  secretTargetRef:', // 7
    '  - parameter: host', // 8
    '    name: rabbit', // 9
    '    key: host', // 10
    '',
  ].join('\n'),
  ClusterTriggerAuthentication: [
    'apiVersion: keda.sh/v1alpha1', // 1
    'kind: ClusterTriggerAuthentication', // 2
    'metadata:', // 3
    '  name: shared-auth', // 4
    'spec:', // 5
    '  secretTargetRef:', // 6
    '  - parameter: token', // 7
    '    name: api-token', // 8
    '    key: token', // 9
    '',
  ].join('\n'),
};

const KINDS = Object.keys(BASES) as KedaKind[];

const lines = (kind: KedaKind): string[] => BASES[kind].split('\n');
/** The base text with line `n` (1-based) replaced by `replacement` (which may hold several lines). */
function withLine(kind: KedaKind, n: number, replacement: string): string {
  const all = lines(kind);
  all[n - 1] = replacement;
  return all.join('\n');
}
function insertAfter(kind: KedaKind, n: number, added: string): string {
  const all = lines(kind);
  all.splice(n, 0, added);
  return all.join('\n');
}
const lineOf = (kind: KedaKind, n: number): string => lines(kind)[n - 1]!;
const indentOf = (line: string): string => /^ */.exec(line)![0];

/** mulberry32. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAD_REQUEST = { status: 400 } as const;
/** go-yaml (and so the API server) refuses documents whose aliases expand too far. */
const EXCESSIVE_ALIASING = { status: 400 } as const;
const invalid = (field?: string) => ({ status: 422, field }) as const;

function syntax(out: BadInput[]): void {
  // Lines below the first few, each indented, per kind.
  const indented: Record<KedaKind, number[]> = {
    ScaledObject: [4, 8, 9, 15, 19],
    ScaledJob: [4, 12, 15, 20],
    TriggerAuthentication: [4, 9, 10],
    ClusterTriggerAuthentication: [4, 8, 9],
  };
  for (const kind of KINDS) {
    const last = lines(kind).length - 1;
    for (const n of indented[kind]) {
      const line = lineOf(kind, n);
      const indent = indentOf(line);
      out.push({
        id: `syntax/${kind}/tab-indent@${n}`,
        category: 'tabs',
        kind,
        text: withLine(kind, n, `${indent.slice(2)}\t${line.trimStart()}`.replace(/^\t/, '\t')),
        expect: { line: n, message: /tab/ },
        server: BAD_REQUEST,
      });
      out.push({
        id: `syntax/${kind}/nul-byte@${n}`,
        category: 'binary junk',
        kind,
        text: withLine(kind, n, `${line}\u0000\u0001`),
        expect: { line: n, message: /null byte|non-printable/ },
        server: BAD_REQUEST,
      });
      out.push({
        id: `syntax/${kind}/bell-char@${n}`,
        category: 'binary junk',
        kind,
        text: withLine(kind, n, `${line}\u0007\u001b[31m`),
        expect: { line: n },
        server: BAD_REQUEST,
      });
      out.push({
        id: `syntax/${kind}/nested-mapping-on-one-line@${n}`,
        category: 'broken YAML',
        kind,
        text: withLine(kind, n, `${line}: extra: value`),
        expect: { line: n },
        server: BAD_REQUEST,
      });
      out.push({
        id: `syntax/${kind}/reserved-indicator@${n}`,
        category: 'broken YAML',
        kind,
        text: withLine(kind, n, `${indent}@${line.trimStart()}`),
        expect: { line: n },
        server: BAD_REQUEST,
      });
    }
    // Unterminated constructs can only be noticed where the text ends: put them on the last line.
    const lastLine = lineOf(kind, last);
    const [key] = lastLine.split(':');
    for (const [name, value] of [
      ['unclosed-double-quote', '"unterminated'],
      ['unclosed-single-quote', "'unterminated"],
      ['unclosed-flow-sequence', '[a, b'],
      ['unclosed-flow-mapping', '{a: b'],
    ] as const) {
      const text = withLine(kind, last, `${key}: ${value}`).replace(/\n$/, '');
      out.push({
        id: `syntax/${kind}/${name}@${last}`,
        category: 'broken YAML',
        kind,
        text,
        expect: { line: last },
        server: BAD_REQUEST,
      });
    }
  }
}

function duplicates(out: BadInput[]): void {
  const at: Record<KedaKind, number[]> = {
    ScaledObject: [1, 2, 4, 5, 9, 10, 15, 17],
    ScaledJob: [1, 2, 4, 12, 15, 20],
    TriggerAuthentication: [1, 2, 4, 9],
    ClusterTriggerAuthentication: [1, 2, 4, 8],
  };
  for (const kind of KINDS) {
    for (const n of at[kind]) {
      out.push({
        id: `duplicate-key/${kind}@${n + 1}`,
        category: 'duplicate keys',
        kind,
        text: insertAfter(kind, n, lineOf(kind, n)),
        expect: { line: n + 1, message: /duplicated mapping key/ },
        server: BAD_REQUEST,
      });
    }
  }
}

function identity(out: BadInput[]): void {
  for (const kind of KINDS) {
    const wrongKinds = [
      'Deployment',
      kind.toLowerCase(),
      `${kind}s`,
      KINDS.find((k) => k !== kind)!,
      '""',
      '42',
      'null',
      '[ScaledObject]',
    ];
    for (const value of wrongKinds) {
      out.push({
        id: `wrong-kind/${kind}/${value}`,
        category: 'wrong kinds',
        kind,
        text: withLine(kind, 2, `kind: ${value}`),
        expect: { line: 2, path: 'kind' },
        server: BAD_REQUEST,
      });
    }
    const wrongVersions = [
      'keda.sh/v1',
      'keda.sh/v1beta1',
      'keda.sh/v2alpha1',
      'v1',
      'apps/v1',
      'keda.k8s.io/v1alpha1',
      'KEDA.SH/v1alpha1',
      '""',
      '1',
    ];
    for (const value of wrongVersions) {
      out.push({
        id: `wrong-apiVersion/${kind}/${value}`,
        category: 'wrong apiVersions',
        kind,
        text: withLine(kind, 1, `apiVersion: ${value}`),
        expect: { line: 1, path: 'apiVersion' },
        server: BAD_REQUEST,
      });
    }
  }
}

function wrongTypes(out: BadInput[]): void {
  // [kind, line, replacement, editor path, server field, last child line the replacement drops]
  const cases: Array<[KedaKind, number, string, string, string, number?]> = [
    ['ScaledObject', 9, '  minReplicaCount: "1"', 'spec.minReplicaCount', 'spec.minReplicaCount'],
    ['ScaledObject', 9, '  minReplicaCount: true', 'spec.minReplicaCount', 'spec.minReplicaCount'],
    ['ScaledObject', 9, '  minReplicaCount: 1.5', 'spec.minReplicaCount', 'spec.minReplicaCount'],
    ['ScaledObject', 10, '  maxReplicaCount: five', 'spec.maxReplicaCount', 'spec.maxReplicaCount'],
    ['ScaledObject', 10, '  maxReplicaCount: [5]', 'spec.maxReplicaCount', 'spec.maxReplicaCount'],
    ['ScaledObject', 10, '  maxReplicaCount: {n: 5}', 'spec.maxReplicaCount', 'spec.maxReplicaCount'],
    ['ScaledObject', 11, '  pollingInterval: 30s', 'spec.pollingInterval', 'spec.pollingInterval'],
    ['ScaledObject', 11, '  pollingInterval: "30"', 'spec.pollingInterval', 'spec.pollingInterval'],
    ['ScaledObject', 7, '  scaleTargetRef: orders-consumer', 'spec.scaleTargetRef', 'spec.scaleTargetRef', 8],
    ['ScaledObject', 8, '    name: 42', 'spec.scaleTargetRef.name', 'spec.scaleTargetRef.name'],
    ['ScaledObject', 13, '  - type: 7', 'spec.triggers.0.type', 'spec.triggers[0].type'],
    [
      'ScaledObject',
      14,
      '    metadata: [queueName]',
      'spec.triggers.0.metadata',
      'spec.triggers[0].metadata',
      17,
    ],
    [
      'ScaledObject',
      19,
      '      name: [rabbit-auth]',
      'spec.triggers.0.authenticationRef.name',
      'spec.triggers[0].authenticationRef.name',
    ],
    ['ScaledObject', 4, '  name: [orders]', 'metadata.name', 'metadata.name'],
    ['ScaledObject', 5, '  namespace: 7', 'metadata.namespace', 'metadata.namespace'],
    ['ScaledJob', 14, '  pollingInterval: soon', 'spec.pollingInterval', 'spec.pollingInterval'],
    ['ScaledJob', 15, '  maxReplicaCount: "10"', 'spec.maxReplicaCount', 'spec.maxReplicaCount'],
    ['ScaledJob', 15, '  maxReplicaCount: false', 'spec.maxReplicaCount', 'spec.maxReplicaCount'],
    [
      'ScaledJob',
      12,
      '          image: [busybox]',
      'spec.jobTargetRef.template.spec.containers.0.image',
      'spec.jobTargetRef.template.spec.containers[0].image',
    ],
    ['ScaledJob', 17, '  - type: {name: aws-sqs-queue}', 'spec.triggers.0.type', 'spec.triggers[0].type'],
    ['ScaledJob', 7, '  jobTargetRef: busybox', 'spec.jobTargetRef', 'spec.jobTargetRef', 13],
    [
      'TriggerAuthentication',
      7,
      '  secretTargetRef: rabbit',
      'spec.secretTargetRef',
      'spec.secretTargetRef',
      10,
    ],
    ['TriggerAuthentication', 10, '    key: 3', 'spec.secretTargetRef.0.key', 'spec.secretTargetRef[0].key'],
    [
      'TriggerAuthentication',
      9,
      '    name: true',
      'spec.secretTargetRef.0.name',
      'spec.secretTargetRef[0].name',
    ],
    [
      'ClusterTriggerAuthentication',
      6,
      '  secretTargetRef: {parameter: token}',
      'spec.secretTargetRef',
      'spec.secretTargetRef',
      9,
    ],
    [
      'ClusterTriggerAuthentication',
      7,
      '  - parameter: 12',
      'spec.secretTargetRef.0.parameter',
      'spec.secretTargetRef[0].parameter',
    ],
  ];
  for (const [kind, n, line, path, field, lastChild] of cases) {
    const text = lines(kind)
      .map((l, i) => (i + 1 === n ? line : l))
      .filter((_, i) => lastChild === undefined || i + 1 <= n || i + 1 > lastChild)
      .join('\n');
    // ObjectMeta is a typed struct: the API server cannot even decode a wrong type there.
    const typed = path.startsWith('metadata.');
    out.push({
      id: `wrong-type/${kind}/${path}=${line.trim().split(': ')[1]}`,
      category: 'wrong types',
      kind,
      text,
      expect: { line: n, path },
      server: typed ? { status: 400 } : invalid(field),
    });
  }
}

/** A non-string value for one metadata parameter of each of the first scalers (KEDA wants strings). */
function numbersInMetadata(out: BadInput[]): void {
  const values = ['42', '1.5', 'true'];
  const scalers = SCALERS.filter((s) => !s.testOnly && s.params.some((p) => p.inMetadata)).slice(0, 30);
  scalers.forEach((scaler, i) => {
    const param = scaler.params.find((p) => p.inMetadata)!;
    const value = values[i % values.length]!;
    const type = value === 'true' ? 'boolean' : value === '42' ? 'integer' : 'number';
    const text = withLine('ScaledObject', 13, `  - type: ${scaler.type}`).replace(
      / {4}metadata:\n(?: {6}.*\n)+/,
      `    metadata:\n      ${param.name}: ${value}\n`,
    );
    out.push({
      id: `number-in-metadata/${scaler.type}.${param.name}=${value}`,
      category: 'numbers where KEDA wants strings',
      kind: 'ScaledObject',
      text,
      expect: {
        line: 15,
        path: `spec.triggers.0.metadata.${param.name}`,
        message: new RegExp(`must be of type string: "${type}"`),
      },
      server: invalid(`spec.triggers[0].metadata.${param.name}`),
    });
  });
  // The same in a ScaledJob.
  for (const [key, value] of [
    ['queueLength', '5'],
    ['awsRegion', '1'],
  ] as const) {
    const n = key === 'queueLength' ? 20 : 21;
    out.push({
      id: `number-in-metadata/ScaledJob/${key}=${value}`,
      category: 'numbers where KEDA wants strings',
      kind: 'ScaledJob',
      text: withLine('ScaledJob', n, `      ${key}: ${value}`),
      expect: { line: n, path: `spec.triggers.0.metadata.${key}` },
      server: invalid(`spec.triggers[0].metadata.${key}`),
    });
  }
}

function ranges(out: BadInput[]): void {
  for (const [min, max] of [
    [9, 5],
    [6, 5],
    [100, 1],
    [2, 1],
  ] as const) {
    out.push({
      id: `min-greater-than-max/ScaledObject/${min}>${max}`,
      category: 'min > max',
      kind: 'ScaledObject',
      text: withLine('ScaledObject', 9, `  minReplicaCount: ${min}`).replace(
        'maxReplicaCount: 5',
        `maxReplicaCount: ${max}`,
      ),
      expect: {
        line: 9,
        path: 'spec.minReplicaCount',
        message: /minReplicaCount must be less than or equal to maxReplicaCount/,
      },
      server: invalid(),
    });
  }
  for (const [n, line, path] of [
    [10, '  maxReplicaCount: 0', 'spec.maxReplicaCount'],
    [10, '  maxReplicaCount: -4', 'spec.maxReplicaCount'],
    [9, '  minReplicaCount: -1', 'spec.minReplicaCount'],
  ] as const) {
    out.push({
      id: `out-of-range/ScaledObject/${line.trim()}`,
      category: 'min > max',
      kind: 'ScaledObject',
      text: withLine('ScaledObject', n, line),
      expect: { line: n, path },
      server: invalid(path),
    });
  }
}

function unknownTriggerTypes(out: BadInput[]): void {
  for (const type of [
    'rabbit',
    'RabbitMQ',
    'kafka2',
    'stan',
    'prometheus-v2',
    'aws_sqs_queue',
    'cron job',
    'x',
  ]) {
    out.push({
      id: `unknown-trigger-type/ScaledObject/${type}`,
      category: 'unknown trigger types',
      kind: 'ScaledObject',
      text: withLine('ScaledObject', 13, `  - type: ${type}`),
      expect: {
        line: 13,
        path: 'spec.triggers.0.type',
        severity: 'warning',
        message: /no scaler found for type/,
      },
      server: 'accepted',
    });
  }
  for (const type of ['sqs', 'AWS-SQS-Queue']) {
    out.push({
      id: `unknown-trigger-type/ScaledJob/${type}`,
      category: 'unknown trigger types',
      kind: 'ScaledJob',
      text: withLine('ScaledJob', 17, `  - type: ${type}`),
      expect: {
        line: 17,
        path: 'spec.triggers.0.type',
        severity: 'warning',
        message: /no scaler found for type/,
      },
      server: 'accepted',
    });
  }
}

function missing(out: BadInput[]): void {
  const drop = (kind: KedaKind, from: number, to: number): string =>
    lines(kind)
      .filter((_, i) => i + 1 < from || i + 1 > to)
      .join('\n');
  const cases: Array<[string, KedaKind, string, number, string, string | undefined]> = [
    [
      'scaleTargetRef',
      'ScaledObject',
      drop('ScaledObject', 7, 8),
      6,
      'spec.scaleTargetRef',
      'spec.scaleTargetRef',
    ],
    [
      'scaleTargetRef.name',
      'ScaledObject',
      drop('ScaledObject', 8, 8).replace('  scaleTargetRef:', '  scaleTargetRef: {}'),
      7,
      'spec.scaleTargetRef.name',
      'spec.scaleTargetRef.name',
    ],
    ['triggers', 'ScaledObject', drop('ScaledObject', 12, 19), 6, 'spec.triggers', 'spec.triggers'],
    [
      'trigger type',
      'ScaledObject',
      drop('ScaledObject', 13, 13).replace('    metadata:', '  - metadata:'),
      13,
      'spec.triggers.0.type',
      'spec.triggers[0].type',
    ],
    ['spec', 'ScaledObject', drop('ScaledObject', 6, 19), 1, 'spec', 'spec'],
    ['jobTargetRef', 'ScaledJob', drop('ScaledJob', 7, 13), 6, 'spec.jobTargetRef', 'spec.jobTargetRef'],
    [
      'containers',
      'ScaledJob',
      drop('ScaledJob', 10, 12),
      9,
      'spec.jobTargetRef.template.spec.containers',
      'spec.jobTargetRef.template.spec.containers',
    ],
    [
      'secretTargetRef key',
      'TriggerAuthentication',
      drop('TriggerAuthentication', 10, 10),
      8,
      'spec.secretTargetRef.0.key',
      'spec.secretTargetRef[0].key',
    ],
    [
      'secretTargetRef name',
      'ClusterTriggerAuthentication',
      drop('ClusterTriggerAuthentication', 8, 8),
      7,
      'spec.secretTargetRef.0.name',
      'spec.secretTargetRef[0].name',
    ],
  ];
  for (const [what, kind, text, line, path, field] of cases) {
    out.push({
      id: `missing/${kind}/${what}`,
      category: 'missing required fields',
      kind,
      text,
      expect: { line, path },
      server: invalid(field),
    });
  }
  for (const kind of KINDS) {
    out.push({
      id: `missing/${kind}/metadata.name`,
      category: 'missing required fields',
      kind,
      text: withLine(kind, 4, '  labels: {app: x}'),
      expect: { line: 3, path: 'metadata.name' },
      server: invalid('metadata.name'),
    });
  }
}

/** A field of about `bytes` written as one string, or as many lines, followed by an error on the last line. */
function huge(out: BadInput[]): void {
  const big = 'x'.repeat(5 * 1024 * 1024);
  const manyLines = Array.from(
    { length: 60_000 },
    (_, i) => `    key-${i}: value-${i}-${'y'.repeat(30)}`,
  ).join('\n');
  for (const [name, annotations, added] of [
    ['5MiB-annotation', `  annotations:\n    blob: "${big}"`, 2],
    ['5MiB-of-labels', `  labels:\n${manyLines}`, 60_001],
  ] as const) {
    const text = insertAfter('ScaledObject', 4, annotations).replace(
      'maxReplicaCount: 5',
      'maxReplicaCount: 0',
    );
    out.push({
      id: `huge/ScaledObject/${name}`,
      category: 'huge documents',
      kind: 'ScaledObject',
      text,
      expect: { line: 10 + added, path: 'spec.maxReplicaCount' },
      server: { status: 413 },
    });
  }
  // Deep nesting.
  const depth = 2000;
  const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  out.push({
    id: 'huge/ScaledObject/2000-deep-flow',
    category: 'huge documents',
    kind: 'ScaledObject',
    text: withLine('ScaledObject', 17, `      value: ${deep}`),
    expect: { line: 17, message: /nesting exceeded/ },
    server: BAD_REQUEST,
  });
}

function binaryJunk(out: BadInput[]): void {
  const random = prng(9003);
  for (let i = 0; i < 12; i++) {
    const bytes = Array.from({ length: 64 + Math.floor(random() * 4000) }, () => Math.floor(random() * 256));
    bytes[0] = 0;
    out.push({
      id: `binary-junk/${i}`,
      category: 'binary junk',
      kind: KINDS[i % KINDS.length]!,
      text: String.fromCharCode(...bytes),
      expect: { line: 1, message: /null byte|non-printable/ },
      server: BAD_REQUEST,
    });
  }
}

function aliasBombs(out: BadInput[]): void {
  const anchors = (levels: number, indent: string): string => {
    let s = `${indent}l0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
    for (let i = 1; i < levels; i++)
      s += `${indent}l${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(',')}]\n`;
    return s;
  };
  for (const levels of [6, 9, 12]) {
    // The anchors inside the trigger's metadata (a list where a string belongs), then used by another key.
    const text = withLine('ScaledObject', 17, `${anchors(levels, '      ')}      value: *a${levels - 1}`);
    out.push({
      id: `alias-bomb/trigger-metadata/${levels}-levels`,
      category: 'anchors/aliases bombs',
      kind: 'ScaledObject',
      text,
      expect: { line: 17, path: 'spec.triggers.0.metadata.l0' },
      server: EXCESSIVE_ALIASING,
    });
    const labels = insertAfter(
      'ScaledObject',
      4,
      `  labels:\n${anchors(levels, '    ')}    bomb: *a${levels - 1}`,
    );
    out.push({
      id: `alias-bomb/labels/${levels}-levels`,
      category: 'anchors/aliases bombs',
      kind: 'ScaledObject',
      text: labels,
      expect: { line: 6, path: 'metadata.labels.l0' },
      server: EXCESSIVE_ALIASING,
    });
  }
  // An alias to no anchor.
  out.push({
    id: 'alias-bomb/undefined-alias',
    category: 'anchors/aliases bombs',
    kind: 'ScaledObject',
    text: withLine('ScaledObject', 17, '      value: *nowhere'),
    expect: { line: 17, message: /unidentified alias/ },
    server: BAD_REQUEST,
  });
}

function documents(out: BadInput[]): void {
  for (const kind of KINDS) {
    const n = lines(kind).length; // the line of the `---`
    out.push({
      id: `multi-document/${kind}/second-broken`,
      category: 'multi-document',
      kind,
      text: `${BASES[kind]}---\nkind: [`,
      expect: { line: n + 1 },
      server: BAD_REQUEST,
    });
    out.push({
      id: `multi-document/${kind}/second-valid`,
      category: 'multi-document',
      kind,
      text: `${BASES[kind]}---\n${BASES[kind]}`,
      expect: { line: n + 1, message: /only one object/ },
      server: BAD_REQUEST,
    });
  }
}

function emptyAndNonObjects(out: BadInput[]): void {
  const cases: Array<[string, string, RegExp]> = [
    ['empty', '', /empty/],
    ['spaces', '   ', /empty/],
    ['newlines', '\n\n\n', /empty/],
    ['comment-only', '# nothing here\n', /empty/],
    ['document-marker', '---\n', /empty/],
    ['tilde', '~\n', /empty/],
    ['null', 'null\n', /empty/],
    ['a-list', '- apiVersion: keda.sh/v1alpha1\n- kind: ScaledObject\n', /mapping/],
    ['a-string', 'ScaledObject\n', /mapping/],
    ['a-number', '42\n', /mapping/],
    ['json-array', '[{"kind": "ScaledObject"}]', /mapping/],
  ];
  for (const [name, text, message] of cases) {
    out.push({
      id: `not-an-object/${name}`,
      category: 'empty input',
      kind: 'ScaledObject',
      text,
      expect: { line: 1, message },
      server: BAD_REQUEST,
    });
  }
}

export function badInputs(): BadInput[] {
  const out: BadInput[] = [];
  syntax(out);
  duplicates(out);
  identity(out);
  wrongTypes(out);
  numbersInMetadata(out);
  ranges(out);
  unknownTriggerTypes(out);
  missing(out);
  huge(out);
  binaryJunk(out);
  aliasBombs(out);
  documents(out);
  emptyAndNonObjects(out);
  return out;
}

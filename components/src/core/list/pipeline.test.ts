import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../kube/types.js';
import { ListPipeline, type ListRequest, type ListSource } from './pipeline.js';
import { parseQuery } from './query.js';
import type { ListRowBase } from './select.js';

interface Obj extends KubeObject {
  spec: { max: number; kind: string; hotUntil?: number };
}
interface Row extends ListRowBase {
  max: number;
  kind: string;
  hot: boolean;
  staleAt: number;
}
type Id = 'name' | 'namespace' | 'max' | 'hot';

const obj = (namespace: string, name: string, max: number, kind = 'rabbitmq', hotUntil?: number): Obj => ({
  metadata: { namespace, name, uid: `${namespace}/${name}` },
  spec: { max, kind, hotUntil },
});

/** The row's fields read straight from the object. */
const rowOf = (o: Obj) => ({
  key: o.metadata.uid!,
  name: o.metadata.name!,
  namespace: o.metadata.namespace!,
  resourceVersion: undefined,
  max: o.spec.max,
  kind: o.spec.kind,
});

function pipeline() {
  const built: string[] = [];
  const p = new ListPipeline<Obj, Row, Id>({
    toRow(o, now) {
      built.push(o.metadata.name!);
      const hotUntil = o.spec.hotUntil;
      return {
        ...rowOf(o),
        hot: hotUntil !== undefined && now < hotUntil,
        staleAt: hotUntil !== undefined && now < hotUntil ? hotUntil : Number.POSITIVE_INFINITY,
      };
    },
    rowStaleAt: (row) => row.staleAt,
    selection: {
      searchText: (o) => [o.metadata.name ?? '', o.metadata.namespace ?? '', o.spec.kind],
      filterValues: (row, key) => (key === 'kind' ? [row.kind] : key === 'hot' ? [String(row.hot)] : []),
      sortValue: (row, column) =>
        column === 'max' ? row.max : column === 'hot' ? (row.hot ? 0 : 1) : row[column],
    },
  });
  return { p, built };
}

const keys = new Map([
  ['name', 'name'],
  ['ns', 'ns'],
  ['kind', 'kind'],
  ['hot', 'hot'],
  ['cluster', 'cluster'],
]);
const request = (text = '', sort = 'namespace', extra: Partial<ListRequest> = {}): ListRequest => ({
  sort: { column: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? 'desc' : 'asc' },
  query: parseQuery(text, keys),
  namespaces: [],
  clusters: [],
  ...extra,
});
const names = (list: readonly Obj[]) => list.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

const items = [
  obj('prod', 'so-10', 3, 'kafka'),
  obj('dev', 'so-2', 7),
  obj('prod', 'so-2', 5),
  obj('dev', 'orders', 1, 'cron'),
];
const one: ListSource<Obj>[] = [{ cluster: 'a', items }];

test('filters and sorts as the request says, building rows only when a term or sort needs them', () => {
  const cases: Array<[string, string, string, string[], number]> = [
    [
      'default: namespace then natural name',
      '',
      'namespace',
      ['dev/orders', 'dev/so-2', 'prod/so-2', 'prod/so-10'],
      0,
    ],
    ['by name, ties by namespace', '', 'name', ['dev/orders', 'dev/so-2', 'prod/so-2', 'prod/so-10'], 0],
    ['by namespace descending', '', '-namespace', ['prod/so-2', 'prod/so-10', 'dev/orders', 'dev/so-2'], 0],
    ['by a row column', '', '-max', ['dev/so-2', 'prod/so-2', 'prod/so-10', 'dev/orders'], 4],
    ['free word over metadata and search text', 'kafka', 'namespace', ['prod/so-10'], 0],
    ['negated free word', '-so', 'namespace', ['dev/orders'], 0],
    ['name and ns terms from metadata', 'ns:prod name:so-*', 'namespace', ['prod/so-2', 'prod/so-10'], 0],
    ['row term', 'kind:rabbitmq', 'namespace', ['dev/so-2', 'prod/so-2'], 4],
  ];
  for (const [what, text, sort, expected, rowsBuilt] of cases) {
    const { p, built } = pipeline();
    assert.deepEqual(names(p.run(one, request(text, sort), 0).shown), expected, what);
    assert.equal(built.length, rowsBuilt, `${what}: rows built`);
  }
});

test('namespaces restrict; an empty request returns the sorted objects themselves', () => {
  const { p } = pipeline();
  const all = p.run(one, request(), 0);
  assert.equal(p.run(one, request(), 0).shown, all.shown, 'sort kept while nothing changes');
  assert.deepEqual(names(p.run(one, request('', 'namespace', { namespaces: ['dev'] }), 0).shown), [
    'dev/orders',
    'dev/so-2',
  ]);
});

test('typing that narrows the query filters the previous result and agrees with a fresh filter', () => {
  const many = Array.from({ length: 300 }, (_, i) => obj(`team-${i % 7}`, `so-${i}`, i % 11));
  const sources = [{ cluster: 'a', items: many }];
  const { p } = pipeline();
  for (const text of [
    's',
    'so',
    'so-1',
    'so-12',
    'so-1',
    'so-12 team-3',
    '-team-3',
    '-team',
    'so-2 -team-1',
  ]) {
    const fresh = pipeline().p.run(sources, request(text), 0).shown;
    assert.deepEqual(names(p.run(sources, request(text), 0).shown), names(fresh), text);
  }
});

test('backspacing finds a recent filter again, only for the same objects and while its rows are fresh', () => {
  const many = Array.from({ length: 300 }, (_, i) => obj(`team-${i % 7}`, `so-${i}`, i % 11));
  const { p } = pipeline();
  const sources = [{ cluster: 'a', items: many }];
  const typed = p.run(sources, request('so-1'), 0).shown;
  p.run(sources, request('so-12'), 0);
  assert.equal(p.run(sources, request('so-1'), 0).shown, typed, 'so-1 found again, not redone');
  assert.deepEqual(names(typed), names(pipeline().p.run(sources, request('so-1'), 0).shown));
  // Nine other filters later the first has been let go: at most eight are kept.
  for (let i = 2; i <= 10; i += 1) p.run(sources, request(`so-${i}`), 0);
  assert.notEqual(p.run(sources, request('so-1'), 0).shown, typed);
  // New objects: the filters of the old ones are not reused.
  const changed = [{ cluster: 'a', items: [...many, obj('team-0', 'so-1-new', 1)] }];
  p.run(changed, request('so-12'), 0);
  assert.ok(names(p.run(changed, request('so-1'), 0).shown).includes('team-0/so-1-new'));
  // A filter over rows that went stale is redone.
  const hot = [{ cluster: 'a', items: [obj('a', 'x', 1, 'cron', 1000), obj('a', 'y', 2)] }];
  const { p: q } = pipeline();
  assert.deepEqual(names(q.run(hot, request('hot:true'), 0).shown), ['a/x']);
  q.run(hot, request('y'), 0);
  assert.deepEqual(names(q.run(hot, request('hot:true'), 1000).shown), [], 'x cooled down');
});

test('rows that go stale are rebuilt and sorts and filters that used them are redone', () => {
  const hot = [obj('a', 'x', 1, 'cron', 1000), obj('a', 'y', 2)];
  const sources = [{ cluster: 'a', items: hot }];
  const { p } = pipeline();
  assert.deepEqual(names(p.run(sources, request('hot:true'), 0).shown), ['a/x']);
  assert.deepEqual(names(p.run(sources, request('hot:true'), 999).shown), ['a/x']);
  assert.deepEqual(names(p.run(sources, request('hot:true'), 1000).shown), [], 'x cooled down');
  const { p: q } = pipeline();
  assert.deepEqual(names(q.run(sources, request('', '-hot'), 0).shown), ['a/y', 'a/x']);
  assert.deepEqual(names(q.run(sources, request('', '-hot'), 999).shown), ['a/y', 'a/x']);
  assert.deepEqual(names(q.run(sources, request('', '-hot'), 1000).shown), ['a/x', 'a/y'], 'tie by name');
});

test('several clusters merge, with a cluster per object, cluster terms and a cluster sort', () => {
  const east = [obj('prod', 'web', 2)];
  const west = [obj('prod', 'web', 4), obj('dev', 'api', 1)];
  const sources = [
    { cluster: 'west', items: west },
    { cluster: 'east', items: east },
  ];
  const { p } = pipeline();
  const result = p.run(sources, request(), 0);
  assert.deepEqual(
    result.shown.map((o) => `${p.cluster(o)}:${o.metadata.name}`),
    ['west:api', 'east:web', 'west:web'],
  );
  assert.notEqual(p.key(east[0]!), p.key(west[0]!), 'keys differ across clusters');
  assert.deepEqual(
    p.run(sources, request('cluster:east'), 0).shown.map((o) => p.cluster(o)),
    ['east'],
  );
  assert.deepEqual(
    p.run(sources, request('', '-cluster'), 0).shown.map((o) => `${p.cluster(o)}:${o.metadata.name}`),
    ['west:api', 'west:web', 'east:web'],
  );
  assert.equal(p.run(sources, request('', 'namespace', { clusters: ['east'] }), 0).shown.length, 1);
});

test('search text can be prepared ahead, a slice at a time', () => {
  const many = Array.from({ length: 1200 }, (_, i) => obj('ns', `so-${i}`, 1));
  const sources = [{ cluster: 'a', items: many }];
  const { p } = pipeline();
  p.run(sources, request(), 0);
  let slices = 0;
  assert.equal(
    p.prepareSearch(() => slices++ < 1),
    false,
  );
  assert.equal(
    p.prepareSearch(() => true),
    true,
  );
  assert.equal(p.run(sources, request('so-1199'), 0).shown.length, 1);
});

test('free words match the same whether the search text is prepared, half prepared or not at all', () => {
  const kinds = ['RabbitMQ', 'kafka', 'Prometheus'];
  const many = Array.from({ length: 900 }, (_, i) => obj(`team-${i % 7}`, `so-${i}`, 1, kinds[i % 3]));
  const sources = [{ cluster: 'a', items: many }];
  const prepared = pipeline().p;
  const half = pipeline().p;
  const cold = pipeline().p;
  for (const p of [prepared, half, cold]) p.run(sources, request(), 0);
  prepared.prepareSearch(() => true);
  let slices = 0;
  half.prepareSearch(() => slices++ < 1);
  // Typed one key at a time, so later queries narrow the earlier results.
  const typed = [
    's',
    'so',
    'so-1',
    'so-1 rabbit',
    'so-1 rabbit -team-3',
    'so-1 RABBIT -team-3 kind:rabbitmq',
  ];
  for (const text of typed) {
    const names = (p: typeof cold) => p.run(sources, request(text), 0).shown.map((o) => o.metadata.name);
    const expected = names(prepared);
    assert.ok(expected.length > 0, `"${text}" matches something`);
    assert.deepEqual(names(half), expected, `half prepared, "${text}"`);
    assert.deepEqual(names(cold), expected, `not prepared, "${text}"`);
  }
  const last = cold.run(sources, request('so-1 RABBIT -team-3'), 0).shown;
  assert.ok(last.every((o) => o.spec.kind === 'RabbitMQ' && o.metadata.namespace !== 'team-3'));
  assert.ok(last.every((o) => o.metadata.name!.startsWith('so-1')));
});

test('related objects: a row is rebuilt when its related object changes; a related sort is redone', () => {
  interface Load {
    pods: number;
  }
  const built: string[] = [];
  const p = new ListPipeline<Obj, Row & { pods: number | undefined }, Id | 'pods', Load>({
    toRow(o, _now, load) {
      built.push(o.metadata.name!);
      return {
        ...rowOf(o),
        hot: false,
        staleAt: Number.POSITIVE_INFINITY,
        pods: load?.pods,
      };
    },
    selection: {
      searchText: (o) => [o.metadata.name ?? ''],
      filterValues: () => [],
      sortValue: (row, column) => (column === 'pods' ? row.pods : column === 'max' ? row.max : undefined),
    },
    relatedColumns: new Set(['pods']),
  });
  const withLoads = (loads: Map<string, Load>): ListSource<Obj, Load>[] => [
    { cluster: 'a', items, related: { version: loads, of: (o) => loads.get(o.metadata.name!) } },
  ];
  const first = new Map([
    ['so-10', { pods: 1 }],
    ['orders', { pods: 9 }],
  ]);
  const bySort = (loads: Map<string, Load>, sort: string) =>
    names(p.run(withLoads(loads), request('', sort), 0).shown);
  assert.deepEqual(bySort(first, '-pods'), ['dev/orders', 'prod/so-10', 'dev/so-2', 'prod/so-2']);
  assert.equal(p.row(items[3]!, 0).pods, 9);
  assert.equal(built.length, 4);

  // orders' load changed (a new object), so-10's did not: only orders' row is built again.
  const second = new Map([
    ['so-10', first.get('so-10')!],
    ['orders', { pods: 0 }],
  ]);
  built.length = 0;
  assert.deepEqual(bySort(second, '-pods'), ['prod/so-10', 'dev/orders', 'dev/so-2', 'prod/so-2']);
  assert.deepEqual(built, ['orders']);
  assert.equal(p.row(items[3]!, 0).pods, 0);

  // A sort on a column of the object itself is kept when only the related objects change.
  const byMax = p.run(withLoads(second), request('', 'max'), 0).shown;
  assert.equal(p.run(withLoads(new Map(second)), request('', 'max'), 0).shown, byMax);
});

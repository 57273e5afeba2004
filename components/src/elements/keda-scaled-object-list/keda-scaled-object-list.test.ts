import { expect, fixture, html } from '@open-wc/testing';
import '../../index.js';
import type { KedaConnection } from '../../context/keda-connection.js';
import type { ScaledObject } from '../../core/keda/types.js';
import type { HorizontalPodAutoscaler } from '../../core/kube/autoscaling.js';
import { KubeApiError } from '../../data/kube-client.js';
import { FakeKubeClient } from '../../../test/fake-kube-client.js';
import type { ScaledObjectList } from './keda-scaled-object-list.js';
import { ListHarness } from './harness.js';

function scaledObject(
  name: string,
  namespace: string,
  patch: Partial<ScaledObject['status']> = {},
): ScaledObject {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: {
      name,
      namespace,
      uid: `uid-${namespace}-${name}`,
      resourceVersion: '1',
      creationTimestamp: new Date(Date.now() - 3 * 3600_000).toISOString(),
    },
    spec: {
      scaleTargetRef: { name },
      minReplicaCount: 0,
      maxReplicaCount: 5,
      triggers: [{ type: 'rabbitmq', metadata: { queueName: 'hello' } }],
    },
    status: {
      scaleTargetKind: 'apps/v1.Deployment',
      triggersTypes: 'rabbitmq',
      authenticationsTypes: 'rabbitmq-consumer-trigger',
      conditions: [
        { type: 'Ready', status: 'True', reason: 'ScaledObjectReady' },
        { type: 'Active', status: 'False', reason: 'ScalerNotActive' },
        { type: 'Fallback', status: 'False', reason: 'NoFallbackFound' },
        { type: 'Paused', status: 'False' },
      ],
      ...patch,
    },
  };
}

function hpa(
  name: string,
  namespace: string,
  status: HorizontalPodAutoscaler['status'],
): HorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace, uid: `uid-hpa-${namespace}-${name}`, resourceVersion: '1' },
    spec: { scaleTargetRef: { kind: 'Deployment', name }, maxReplicas: 10 },
    status,
  };
}

/** A client listing `count` ScaledObjects in `bulk`, named so-<i> with i zero-padded to `digits`. */
function manyScaledObjects(count: number, digits: number): FakeKubeClient {
  const client = new FakeKubeClient();
  client.objects = Array.from({ length: count }, (_, i) =>
    scaledObject(`so-${String(i).padStart(digits, '0')}`, 'bulk'),
  );
  return client;
}

/** The rows the table shows at its full height (its max-height), below the 38 px header row. */
function rowsInView(list: ScaledObjectList): number {
  const scroller = list.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
  return Math.ceil((parseFloat(getComputedStyle(scroller).maxHeight) - 38) / 38);
}

async function mount(client: FakeKubeClient, namespaces: string[] = []) {
  const connection = await fixture<KedaConnection>(html`
    <keda-connection .client=${client}>
      <keda-scaled-object-list .namespaces=${namespaces}></keda-scaled-object-list>
    </keda-connection>
  `);
  const list = connection.querySelector('keda-scaled-object-list') as ScaledObjectList;
  const harness = new ListHarness(list);
  await harness.settle();
  return { connection, list, harness };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('keda-scaled-object-list', () => {
  it('shows kubectl columns, the HPA replicas and one row per ScaledObject, sorted by namespace and name', async () => {
    const client = new FakeKubeClient();
    client.byKind = true;
    client.objects = [
      scaledObject('worker', 'payments'),
      scaledObject('rabbitmq-consumer', 'default'),
      hpa('keda-hpa-rabbitmq-consumer', 'default', { currentReplicas: 2, desiredReplicas: 5 }),
    ];
    const { harness } = await mount(client);
    await until(
      () => harness.rows().length === 2 && harness.row('rabbitmq-consumer')?.REPLICAS !== '…',
      'rows',
    );
    expect(harness.headers()).to.deep.equal([
      'NAME',
      'NAMESPACE',
      'STATE',
      'REPLICAS',
      'SCALETARGETKIND',
      'SCALETARGETNAME',
      'MIN',
      'MAX',
      'READY',
      'ACTIVE',
      'FALLBACK',
      'PAUSED',
      'TRIGGERS',
      'AUTHENTICATIONS',
      'LAST ACTIVE',
      'AGE',
    ]);
    expect(harness.rows()[0]).to.deep.equal([
      'rabbitmq-consumer',
      'default',
      'Ready',
      '2 → 5',
      'apps/v1.Deployment',
      'rabbitmq-consumer',
      '0',
      '5',
      'True',
      'False',
      'False',
      'False',
      'rabbitmq',
      'rabbitmq-consumer-trigger',
      'never',
      '3h',
    ]);
    expect(harness.cellTitle('rabbitmq-consumer', 'REPLICAS')).to.equal(
      'HPA keda-hpa-rabbitmq-consumer: 2 current, 5 desired',
    );
    expect(harness.rows()[1]?.[0]).to.equal('worker');
    expect(harness.row('worker')?.REPLICAS).to.equal('—');
    expect(harness.cellTitle('worker', 'REPLICAS')).to.equal('No HPA keda-hpa-worker in payments');
    expect(harness.statusText()).to.match(/^Live · 2 ScaledObjects/);
    expect(client.calls).to.have.members([
      'list scaledobjects *',
      'watch scaledobjects from 100',
      'list horizontalpodautoscalers *',
      'watch horizontalpodautoscalers from 100',
    ]);
  });

  it("follows the HPA's replicas live, sorts on them, and says while the HPAs load or cannot be read", async () => {
    const client = new FakeKubeClient();
    client.byKind = true;
    client.holdLists = ['horizontalpodautoscalers'];
    const paused = scaledObject('paused', 'b');
    paused.status!.conditions![3] = { type: 'Paused', status: 'True', reason: 'ScaledObjectPaused' };
    client.objects = [
      scaledObject('big', 'a'),
      scaledObject('small', 'c'),
      paused,
      hpa('keda-hpa-big', 'a', { currentReplicas: 4, desiredReplicas: 4 }),
      hpa('keda-hpa-small', 'c', { desiredReplicas: 0 }),
    ];
    const { harness } = await mount(client);
    await until(() => harness.rows().length === 3, 'rows');
    expect(harness.row('big')?.REPLICAS).to.equal('…');
    expect(harness.cellTitle('big', 'REPLICAS')).to.equal('Reading the HPAs…');

    client.releaseLists();
    await until(() => harness.row('big')?.REPLICAS === '4', 'replicas from the HPA');
    expect(harness.row('small')?.REPLICAS).to.equal('0', 'a missing currentReplicas is 0');
    expect(harness.cellTitle('paused', 'REPLICAS')).to.equal(
      'No HPA keda-hpa-paused: KEDA deletes it while the ScaledObject is paused',
    );

    await harness.sortBy('REPLICAS');
    expect(harness.names()).to.deep.equal(['small', 'big', 'paused']);
    client.emit('MODIFIED', hpa('keda-hpa-small', 'c', { currentReplicas: 9, desiredReplicas: 12 }));
    await until(() => harness.row('small')?.REPLICAS === '9 → 12', 'a live HPA change');
    expect(harness.names()).to.deep.equal(['big', 'small', 'paused'], 'sorted again');

    const message = 'horizontalpodautoscalers.autoscaling is forbidden: User "viewer" cannot list resource';
    const forbidden = new FakeKubeClient();
    forbidden.byKind = true;
    forbidden.objects = [scaledObject('big', 'a')];
    forbidden.listErrors = { horizontalpodautoscalers: new KubeApiError(403, message) };
    const other = await mount(forbidden);
    await until(() => other.harness.row('big')?.REPLICAS === '?', 'unreadable HPAs');
    expect(other.harness.cellTitle('big', 'REPLICAS')).to.equal(`The HPAs could not be read: ${message}`);
    expect(other.harness.statusText()).to.match(/^Live · 1 ScaledObject/);
  });

  it('updates, adds and removes rows from watch events without a relist', async () => {
    const client = new FakeKubeClient();
    client.objects = [scaledObject('rabbitmq-consumer', 'default')];
    const { harness } = await mount(client);
    await until(() => harness.rows().length === 1, 'first row');

    const active = scaledObject('rabbitmq-consumer', 'default');
    active.status!.conditions![1] = { type: 'Active', status: 'True', reason: 'ScalerActive' };
    client.emit('MODIFIED', active);
    await until(() => harness.row('rabbitmq-consumer')?.ACTIVE === 'True', 'ACTIVE True');

    client.emit('ADDED', scaledObject('orders', 'orders'));
    await until(() => harness.rows().length === 2, 'added row');

    client.emit('DELETED', active);
    await until(() => harness.rows().length === 1, 'deleted row');
    expect(harness.rows()[0]?.[0]).to.equal('orders');
    expect(client.calls.filter((c) => c.startsWith('list scaledobjects'))).to.have.length(1);
  });

  it('shows a loading state until the first list arrives', async () => {
    const client = new FakeKubeClient();
    client.holdLists = true;
    client.objects = [scaledObject('a', 'default')];
    const { harness } = await mount(client);
    expect(harness.isLoading()).to.equal(true);
    expect(harness.statusText()).to.equal('Loading ScaledObjects…');
    client.releaseLists();
    await until(() => harness.rows().length === 1, 'row after load');
    expect(harness.isLoading()).to.equal(false);
  });

  it('shows an empty state when the cluster has no ScaledObject', async () => {
    const client = new FakeKubeClient();
    const { harness } = await mount(client);
    await until(() => harness.message() !== undefined, 'empty message');
    expect(harness.message()?.title).to.equal('No ScaledObjects');
    expect(harness.message()?.text).to.contain('kubectl apply');
  });

  it('filters by namespaces chosen in the menu and tells the host', async () => {
    const client = new FakeKubeClient();
    client.objects = [
      scaledObject('a', 'default'),
      scaledObject('b', 'orders'),
      scaledObject('c', 'payments'),
    ];
    const { harness, list } = await mount(client);
    await until(() => harness.rows().length === 3, 'rows');
    const changes: string[][] = [];
    list.addEventListener('keda-list-change', (e) => changes.push(e.detail.namespaces));
    expect(await harness.openNamespaces()).to.deep.equal(['All namespaces', 'default', 'orders', 'payments']);
    await harness.toggleNamespace('orders');
    await harness.toggleNamespace('payments');
    expect(harness.names()).to.deep.equal(['b', 'c']);
    expect(harness.countText()).to.equal('Showing 2 of 3');
    expect(changes).to.deep.equal([['orders'], ['orders', 'payments']]);
    await harness.toggleNamespace('All namespaces');
    expect(harness.names()).to.deep.equal(['a', 'b', 'c']);
  });

  it('takes namespaces from the host and says when nothing matches', async () => {
    const client = new FakeKubeClient();
    client.objects = [scaledObject('a', 'default')];
    const { harness } = await mount(client, ['empty-ns']);
    await until(() => harness.countText() === 'Showing 0 of 1', 'count');
    expect(harness.rows()).to.deep.equal([]);
    expect(harness.element.shadowRoot!.textContent).to.contain('No ScaledObject matches the filter.');
  });

  it('filters with key:value terms and free words, and explains unknown keys', async () => {
    const client = new FakeKubeClient();
    const kafka = scaledObject('payments-worker', 'payments', { triggersTypes: 'kafka' });
    kafka.spec.triggers = [{ type: 'kafka', metadata: { topic: 'payments' } }];
    const active = scaledObject('orders', 'orders');
    active.status!.conditions![1] = { type: 'Active', status: 'True', reason: 'ScalerActive' };
    client.objects = [scaledObject('rabbitmq-consumer', 'default'), kafka, active];
    const { harness, list } = await mount(client);
    await until(() => harness.rows().length === 3, 'rows');
    let detail: unknown;
    list.addEventListener('keda-list-change', (e) => (detail = e.detail));

    await harness.typeFilter('trigger:kafka');
    expect(harness.names()).to.deep.equal(['payments-worker']);
    expect(detail).to.deep.equal({ filter: 'trigger:kafka', sort: 'namespace', namespaces: [] });

    await harness.typeFilter('trigger:rabbitmq active:true');
    expect(harness.names()).to.deep.equal(['orders']);

    await harness.typeFilter('-ns:orders consumer');
    expect(harness.names()).to.deep.equal(['rabbitmq-consumer']);

    await harness.typeFilter('colour:blue');
    expect(harness.filterErrors()[0]).to.contain('Unknown filter "colour:"');
  });

  it('sorts on every column header, both ways, and marks aria-sort', async () => {
    const client = new FakeKubeClient();
    const small = scaledObject('small', 'b');
    small.spec.maxReplicaCount = 2;
    const big = scaledObject('big', 'a');
    big.spec.maxReplicaCount = 50;
    const unset = scaledObject('unset', 'c');
    delete unset.spec.maxReplicaCount;
    client.objects = [small, big, unset];
    const { harness } = await mount(client);
    await until(() => harness.rows().length === 3, 'rows');
    expect(harness.names()).to.deep.equal(['big', 'small', 'unset']);
    expect(harness.ariaSort('NAMESPACE')).to.equal('ascending');

    await harness.sortBy('MAX');
    expect(harness.names()).to.deep.equal(['small', 'big', 'unset']);
    expect(harness.ariaSort('MAX')).to.equal('ascending');
    expect(harness.ariaSort('NAMESPACE')).to.equal('none');
    await harness.sortBy('MAX');
    expect(harness.names()).to.deep.equal(['big', 'small', 'unset'], 'unset stays last');
    expect(harness.ariaSort('MAX')).to.equal('descending');
    for (const column of harness.headers()) {
      await harness.sortBy(column);
      expect(harness.rows()).to.have.length(3, column);
    }
  });

  it('renders only the visible rows of 10,000 and reaches the last by scrolling', async () => {
    const client = manyScaledObjects(10_000, 5);
    const { harness } = await mount(client);
    await until(() => harness.rows().length > 0, 'rows');
    expect(harness.tableRowCount()).to.equal(10_001);
    expect(harness.rows().length).to.be.below(80);
    expect(harness.names()[0]).to.equal('so-00000');
    await harness.scrollTo(1);
    await until(() => harness.names().includes('so-09999'), 'last row rendered');
    expect(harness.rows().length).to.be.below(80);
  });

  it('stays where it was scrolled to: the reused rows do not drag the scroll position along', async () => {
    const client = manyScaledObjects(1000, 4);
    const { list, harness } = await mount(client);
    await until(() => harness.rows().length > 0, 'rows');
    const scroller = list.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    // Half-way into the fourth row: the window moves, its rows are reused for other objects.
    scroller.scrollTop = 3 * 38 + 19;
    for (let frame = 0; frame < 10; frame += 1) await new Promise((r) => requestAnimationFrame(r));
    expect(scroller.scrollTop).to.equal(3 * 38 + 19);
    expect(harness.names()).to.include('so-0003');
  });

  it('keeps the selection boxes and the names in view, on top, while the table scrolls sideways', async () => {
    const { list, harness } = await mount(manyScaledObjects(20, 2));
    await until(() => harness.rows().length > 0, 'rows');
    const root = list.shadowRoot!;
    const scroller = root.querySelector<HTMLElement>('.scroller')!;
    expect(scroller.scrollWidth, 'wider than the test window').to.be.above(scroller.clientWidth + 300);
    const pinned = () => [
      root.querySelector<HTMLElement>('.row.header [data-column="name"]')!,
      root.querySelector<HTMLElement>('.row[data-key] .name')!,
      root.querySelector<HTMLElement>('.row[data-key] .select')!,
    ];
    const before = pinned().map((cell) => cell.getBoundingClientRect().left);
    expect(scroller.hasAttribute('data-scrolled-x')).to.equal(false);

    scroller.scrollLeft = 300;
    for (let frame = 0; frame < 3; frame += 1) await new Promise((r) => requestAnimationFrame(r));
    expect(pinned().map((cell) => cell.getBoundingClientRect().left)).to.deep.equal(before);
    for (const cell of pinned()) {
      const rect = cell.getBoundingClientRect();
      const hit = root.elementFromPoint(rect.left + 4, rect.top + rect.height / 2);
      expect(cell.contains(hit), `${cell.className} above the cells scrolled beneath it`).to.equal(true);
    }
    expect(scroller.hasAttribute('data-scrolled-x'), 'marked for the edge it draws').to.equal(true);
    scroller.scrollLeft = 0;
    for (let frame = 0; frame < 3; frame += 1) await new Promise((r) => requestAnimationFrame(r));
    expect(scroller.hasAttribute('data-scrolled-x')).to.equal(false);
  });

  it('a short list that grows fills the table in one render, not as many rows as fitted before', async () => {
    const { list, harness } = await mount(manyScaledObjects(30, 2));
    await until(() => harness.rows().length > 0, 'rows');
    const inView = rowsInView(list);
    await harness.typeFilter('so-07');
    await until(() => harness.names().join() === 'so-07', 'one row');
    await new Promise((r) => setTimeout(r, 200));
    await harness.typeFilter('');
    expect(harness.rows().length).to.equal(inView);
  });

  it('a filter keystroke renders the rows in view; the overscan below them follows once typing pauses', async () => {
    const { list, harness } = await mount(manyScaledObjects(500, 3));
    await until(() => harness.rows().length > 0, 'rows');
    const inView = rowsInView(list);
    // The window measures the scroller in an animation frame; until then it assumes 600 px.
    await until(() => harness.rows().length === inView + 2, 'the window measured');
    // The render each keystroke causes, before any timer (the clock's tick, the pause) can run.
    const type = async (text: string) => {
      const input = list.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await list.updateComplete;
    };

    await type('so-1');
    expect(harness.rows().length).to.equal(inView, 'the two overscan rows are left out');
    expect(harness.names()[0]).to.equal('so-100');
    await type('so-');
    expect(harness.rows().length).to.equal(inView, 'still typing');
    await until(() => harness.rows().length === inView + 2, 'the overscan once typing paused');
    expect(harness.names().slice(0, 3)).to.deep.equal(['so-000', 'so-001', 'so-002']);
  });

  it('shows the state with its condition and highlights rows a watch event changed', async () => {
    const client = new FakeKubeClient();
    const failing = scaledObject('broken', 'default');
    failing.status!.conditions![0] = {
      type: 'Ready',
      status: 'False',
      reason: 'ScaledObjectCheckFailed',
      message:
        'ScaledObject doesn\'t have correct scaleTargetRef specification: deployments.apps "x" not found',
    };
    client.objects = [failing, scaledObject('fine', 'default')];
    const { harness } = await mount(client);
    await until(() => harness.rows().length === 2, 'rows');
    expect(harness.row('broken')?.STATE).to.equal('Error');
    expect(harness.cellTitle('broken', 'STATE')).to.equal(
      'Ready=False (ScaledObjectCheckFailed): ScaledObject doesn\'t have correct scaleTargetRef specification: deployments.apps "x" not found',
    );
    expect(harness.rowElement('fine')?.classList.contains('changed')).to.equal(false);
    const active = scaledObject('fine', 'default');
    active.status!.conditions![1] = { type: 'Active', status: 'True', reason: 'ScalerActive' };
    client.emit('MODIFIED', active);
    await until(() => harness.row('fine')?.STATE === 'Active', 'active state');
    expect(harness.rowElement('fine')?.classList.contains('changed')).to.equal(true);
    expect(harness.rowElement('broken')?.classList.contains('changed')).to.equal(false);
  });

  it("masks credentials in the state's condition message", async () => {
    const client = new FakeKubeClient();
    const failing = scaledObject('orders', 'default');
    failing.status!.conditions![0] = {
      type: 'Ready',
      status: 'False',
      reason: 'ScaledObjectCheckFailed',
      message: 'error establishing rabbitmq connection: dial amqp://orders:hunter2@rabbitmq.default:5672/',
    };
    client.objects = [failing];
    const { harness, list } = await mount(client);
    await until(() => harness.rows().length === 1, 'row');
    expect(harness.cellTitle('orders', 'STATE')).to.equal(
      'Ready=False (ScaledObjectCheckFailed): error establishing rabbitmq connection: dial amqp://orders:****@rabbitmq.default:5672/',
    );
    expect(list.shadowRoot!.innerHTML).not.to.contain('hunter2');
  });

  it('clips only the texts that overflow their column, with an ellipsis and the full value as tooltip', async () => {
    const client = new FakeKubeClient();
    const long = `payments-${'settlement-'.repeat(8)}consumer`;
    client.objects = [scaledObject('worker', 'default'), scaledObject(long, 'default')];
    const { harness } = await mount(client);
    await until(() => harness.cell('worker', 'NAME')?.classList.contains('fits') === true, 'fit measured');
    const short = harness.cell('worker', 'NAME')!;
    expect(short.hasAttribute('title')).to.equal(false);
    expect(getComputedStyle(short).overflow).to.equal('visible');
    const clipped = harness.cell(long, 'NAME')!;
    expect(clipped.classList.contains('fits')).to.equal(false);
    expect(clipped.title).to.equal(long);
    expect(getComputedStyle(clipped).overflow).to.equal('hidden');
    expect(getComputedStyle(clipped).textOverflow).to.equal('ellipsis');
    expect(clipped.scrollWidth).to.be.greaterThan(clipped.clientWidth);
    // No cell left unclipped overflows it, whatever its font (bold names, monospace kinds, digits).
    const unclipped = harness.cells().filter((cell) => getComputedStyle(cell).overflow === 'visible');
    expect(unclipped.length).to.be.greaterThan(20);
    for (const cell of unclipped)
      expect(cell.scrollWidth, cell.textContent ?? '').to.be.at.most(cell.clientWidth);
  });

  it("lines every row's cells up with the header's columns, also after the list is resized", async () => {
    const client = new FakeKubeClient();
    client.objects = [scaledObject('worker', 'default'), scaledObject('rabbitmq-consumer', 'payments')];
    const { connection, list, harness } = await mount(client);
    await until(() => harness.rows().length === 2, 'rows');
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const misaligned = () => {
      const headers = [...list.shadowRoot!.querySelectorAll('.row.header > [role="columnheader"]')];
      const rows = [...list.shadowRoot!.querySelectorAll('.row:not(.header)')];
      return rows.flatMap((row) =>
        [...row.children].flatMap((cell, i) => {
          const a = cell.getBoundingClientRect();
          const b = headers[i]!.getBoundingClientRect();
          return Math.abs(a.left - b.left) > 0.5 || Math.abs(a.width - b.width) > 0.5
            ? [`${harness.headers()[i - 1] ?? 'select'}: ${a.left}+${a.width} vs ${b.left}+${b.width}`]
            : [];
        }),
      );
    };
    for (const width of ['1800px', '1500px', '1300px']) {
      connection.style.display = 'block';
      connection.style.width = width;
      await frame();
      expect(misaligned(), width).to.deep.equal([]);
    }
  });

  it('shows the API Status message verbatim and what to do when the list is forbidden', async () => {
    const client = new FakeKubeClient();
    const message =
      'scaledobjects.keda.sh is forbidden: User "viewer" cannot list resource "scaledobjects" in API group "keda.sh" at the cluster scope';
    client.listError = new KubeApiError(403, message, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
      message,
    });
    const { harness } = await mount(client);
    await until(() => harness.message()?.title === 'Cannot list ScaledObjects', 'error message');
    expect(harness.message()?.text).to.contain(message);
    expect(harness.message()?.text).to.contain('Ask for "list" and "watch"');
  });

  it('renders hostile names and trigger types as text, never as HTML', async () => {
    const client = new FakeKubeClient();
    const evil = scaledObject('x', 'default', { triggersTypes: '<img src=x onerror="window.__pwned=1">' });
    evil.metadata.name = '<script>window.__pwned=1</script>';
    client.objects = [evil];
    const { harness, list } = await mount(client);
    await until(() => harness.rows().length === 1, 'row');
    expect(harness.rows()[0]?.[0]).to.equal('<script>window.__pwned=1</script>');
    expect(list.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('relists after the watch fails and keeps showing rows while reconnecting', async () => {
    const client = new FakeKubeClient();
    client.objects = [scaledObject('a', 'default')];
    const { harness, connection } = await mount(client);
    await until(() => harness.rows().length === 1, 'row');
    client.objects.push(scaledObject('b', 'default'));
    client.endWatches(new KubeApiError(0, 'connection reset'));
    await until(() => harness.statusText().startsWith('Reconnecting'), 'reconnecting state');
    expect(harness.rows()).to.have.length(1);
    await until(() => harness.rows().length === 2, 'relisted rows');
    expect(harness.statusText()).to.match(/^Live/);
    connection.remove();
    expect(client.openWatches).to.equal(0);
  });

  it('shows paused-replicas as "Paused at N" as soon as the watch delivers the annotation, and drops it when removed', async () => {
    const client = new FakeKubeClient();
    client.objects = [scaledObject('orders', 'default')];
    const { harness } = await mount(client);
    await until(() => harness.row('orders')?.STATE === 'Ready', 'Ready');

    const pausing = scaledObject('orders', 'default');
    pausing.metadata.annotations = { 'autoscaling.keda.sh/paused-replicas': '2' };
    client.emit('MODIFIED', pausing);
    await until(() => harness.row('orders')?.STATE === 'Paused at 2', 'Paused at 2');
    expect(harness.row('orders')?.PAUSED).to.equal('False', "KEDA's condition, not yet True");
    expect(harness.cellTitle('orders', 'STATE')).to.equal(
      'autoscaling.keda.sh/paused-replicas: "2": KEDA stops scaling, deletes the HPA and holds the target at 2 replicas; KEDA has not reported Paused=True yet',
    );

    const reported = scaledObject('orders', 'default');
    reported.metadata.annotations = { 'autoscaling.keda.sh/paused-replicas': '2' };
    reported.status!.conditions![3] = {
      type: 'Paused',
      status: 'True',
      reason: 'ScaledObjectPaused',
      message: 'ScaledObject is paused',
    };
    client.emit('MODIFIED', reported);
    await until(() => harness.row('orders')?.PAUSED === 'True', 'Paused=True');
    expect(harness.row('orders')?.STATE).to.equal('Paused at 2');
    expect(harness.cellTitle('orders', 'STATE')).to.equal(
      'autoscaling.keda.sh/paused-replicas: "2": KEDA stops scaling, deletes the HPA and holds the target at 2 replicas\nPaused=True (ScaledObjectPaused): ScaledObject is paused',
    );

    client.emit('MODIFIED', scaledObject('orders', 'default'));
    await until(() => harness.row('orders')?.STATE === 'Ready', 'Ready again');
  });

  it('flags force-activation beside the state with a tooltip, filters on forced:, sorts forced first within a state', async () => {
    const client = new FakeKubeClient();
    const forced = scaledObject('forced', 'b');
    forced.metadata.annotations = { 'autoscaling.keda.sh/force-activation': '<img src=x onerror=alert(1)>' };
    client.objects = [scaledObject('plain', 'a'), forced];
    const { harness, list } = await mount(client);
    await until(() => harness.rows().length === 2, 'rows');
    expect(harness.row('forced')?.STATE).to.equal('Ready forced');
    expect(harness.row('plain')?.STATE).to.equal('Ready');
    expect(harness.cell('forced', 'STATE')?.querySelector('.state-flag.forced')).to.not.equal(null);
    expect(harness.cellTitle('forced', 'STATE')).to.equal(
      'Active=False (ScalerNotActive)\nautoscaling.keda.sh/force-activation: "<img src=x onerror=alert(1)>": KEDA treats it as active whatever its triggers report',
    );
    expect(list.shadowRoot!.querySelector('img')).to.equal(null);

    await harness.typeFilter('forced:true');
    expect(harness.names()).to.deep.equal(['forced']);
    await harness.typeFilter('-forced:true');
    expect(harness.names()).to.deep.equal(['plain']);
    await harness.typeFilter('');
    await harness.sortBy('STATE');
    expect(harness.names()).to.deep.equal(['forced', 'plain']);

    client.emit('MODIFIED', scaledObject('forced', 'b'));
    await until(() => harness.row('forced')?.STATE === 'Ready', 'flag gone');
  });
});

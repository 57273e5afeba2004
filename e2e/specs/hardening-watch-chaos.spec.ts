// Hardening suite 1 (issue #9), watch chaos, the browser half: the 1,000-mutation run against every
// Informer and the KedaStore is demo-site/server/sim/hardening/watch-chaos.test.ts; this spec shows
// that the UI says so while it happens. The simulated cluster (through its control API) drops the
// ScaledObject watches and answers that collection with 500s: the list must say "Reconnecting",
// keep showing the last known rows, and once the faults stop come back Live with what changed
// meanwhile (created and deleted through paths the faults leave alone), nothing lost or phantom.
import { expect, test, type APIRequestContext } from './test.ts';
import { API, YEARLY_CRON_SPEC, createDeployment, createScaledObject, ensureNamespace } from './sim-api.ts';

const FAULTS = `${API}/sim/v1/faults`;
const RUN = Date.now().toString(36).slice(-5);
const NS = `e2e-chaos-ui-${RUN}`;
const SO_PATH = `${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects`;
// Only the all-namespaces ScaledObject collection the list watches: the creates and deletes below
// (namespaced paths) and everything else on the server keep working.
const FAULTED = ['/apis/keda.sh/v1alpha1/scaledobjects'];

async function ok(response: Awaited<ReturnType<APIRequestContext['post']>>, ...statuses: number[]) {
  expect(statuses, await response.text()).toContain(response.status());
}

/** A Deployment and a ScaledObject over it (KEDA's webhook wants the target to exist). */
async function createScaled(request: APIRequestContext, name: string): Promise<void> {
  await createDeployment(request, NS, name, 1);
  await createScaledObject(request, NS, name, YEARLY_CRON_SPEC);
}

test('watch chaos in the browser: the list says Reconnecting, keeps its rows, and is Live and exact afterwards', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await ensureNamespace(request, NS);
  for (const name of ['stays', 'goes']) await createScaled(request, name);

  await page.goto('/scaledobjects');
  const list = page.locator('keda-scaled-object-list');
  const status = list.locator('[part="status"]');
  const row = (name: string) =>
    list.locator('[role="row"]', {
      has: page.locator('[role="cell"].name', { hasText: new RegExp(`^\\s*${name}\\s*$`) }),
    });
  await list.locator('input[type="search"]').fill(`ns:${NS}`);
  await expect(status).toContainText('Live');
  await expect(row('stays')).toBeVisible();
  await expect(row('goes')).toBeVisible();

  const started = Date.now();
  let reconnectingAfter = 0;
  let liveAfter = 0;
  try {
    await ok(
      await request.put(FAULTS, {
        data: { dropWatchesEveryMs: 250, errorRate: 1, expireHistoryEveryMs: 500, paths: FAULTED },
      }),
      200,
    );
    await expect(status).toContainText('Reconnecting… showing the last known state', { timeout: 15_000 });
    await expect(list.locator('[part="status"] .dot.reconnecting')).toBeAttached();
    reconnectingAfter = Date.now() - started;
    // The last known state stays on screen.
    await expect(row('stays')).toBeVisible();
    await expect(row('goes')).toBeVisible();

    // The cluster changes while the list cannot see it.
    await createScaled(request, 'arrives');
    await ok(await request.delete(`${SO_PATH}/goes`), 200, 202);
    await page.waitForTimeout(1_500);
    await expect(status).toContainText('Reconnecting');
  } finally {
    await ok(await request.put(FAULTS, { data: {} }), 200);
  }

  const cleared = Date.now();
  await expect(status).toContainText('Live', { timeout: 40_000 });
  liveAfter = Date.now() - cleared;
  await expect(row('arrives')).toBeVisible();
  await expect(row('goes')).toHaveCount(0);
  await expect(row('stays')).toBeVisible();
  // Exactly the server's objects in this namespace: 0 lost, 0 phantom.
  const server = (await (await request.get(SO_PATH)).json()) as { items: { metadata: { name: string } }[] };
  const names = server.items.map((i) => i.metadata.name).sort();
  expect(names).toEqual(['arrives', 'stays']);
  const shown = (await list.locator('[role="row"] [role="cell"].name').allTextContents())
    .map((t) => t.trim())
    .sort();
  expect(shown).toEqual(names);
  process.stdout.write(
    `watch-chaos (browser): Reconnecting shown ${reconnectingAfter} ms after the faults, Live ${liveAfter} ms after they stopped, 0 lost, 0 phantom\n`,
  );
});

import { expect, test, type APIRequestContext } from './test.ts';
import { API, YEARLY_CRON_SPEC, ensureDeployment, ensureNamespace, ensureScaledObject } from './sim-api.ts';
import { listCell, listRow } from './list-cells.ts';

const NS = 'e2e-list-annotations';
const NAME = 'annotated';
const TAG = 'keda-scaled-object-list';
const SO_PATH = `${API}/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledobjects/${NAME}`;

/** Our own namespace with one ScaledObject over its own Deployment, its cron trigger inactive. */
async function seed(request: APIRequestContext): Promise<void> {
  await ensureNamespace(request, NS);
  await ensureDeployment(request, NS, NAME, 1);
  await ensureScaledObject(request, NS, NAME, YEARLY_CRON_SPEC);
}

/** Sets (or, with null, removes) one annotation of our ScaledObject through the API. */
async function annotate(request: APIRequestContext, key: string, value: string | null): Promise<void> {
  const response = await request.patch(SO_PATH, {
    headers: { 'content-type': 'application/merge-patch+json' },
    data: { metadata: { annotations: { [key]: value } } },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test('paused-replicas and force-activation set through the API show in the STATE cell within a second', async ({
  page,
  request,
}) => {
  await seed(request);
  // An earlier run may have left them set.
  await annotate(request, 'autoscaling.keda.sh/paused-replicas', null);
  await annotate(request, 'autoscaling.keda.sh/force-activation', null);
  await page.goto(`/scaledobjects?ns=${NS}`);
  const state = listRow(page, TAG, NAME).locator('[role="cell"]', { has: page.locator('.state') });
  await expect(state).toHaveText('Ready');

  await annotate(request, 'autoscaling.keda.sh/paused-replicas', '2');
  await expect(state).toHaveText('Paused at 2', { timeout: 1000 });
  await expect(state).toHaveAttribute('title', /paused-replicas: "2": .*holds the target at 2 replicas/);
  await annotate(request, 'autoscaling.keda.sh/paused-replicas', null);
  await expect(state).toHaveText('Ready', { timeout: 1000 });

  await annotate(request, 'autoscaling.keda.sh/force-activation', 'true');
  await expect(state.locator('.state-flag.forced')).toHaveText('forced', { timeout: 1000 });
  await expect(state).toHaveAttribute('title', /force-activation: "true": KEDA treats it as active/);
  await page.goto(`/scaledobjects?ns=${NS}&filter=forced:true`);
  await expect(listRow(page, TAG, NAME)).toBeVisible();
  expect(await listCell(page, TAG, NAME, 'STATE')).toMatch(/forced$/);

  await annotate(request, 'autoscaling.keda.sh/force-activation', null);
  await expect(listRow(page, TAG, NAME)).toHaveCount(0, { timeout: 1000 });
});

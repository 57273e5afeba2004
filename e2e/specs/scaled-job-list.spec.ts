import { expect, test } from './test.ts';
import { listCell, listRow } from './list-cells.ts';
import { API, ensure, ensureNamespace, scaledJobBody } from './sim-api.ts';

const TAG = 'keda-scaled-job-list';
const JOBS_PATH = `${API}/apis/batch/v1/namespaces/orders/jobs`;
const NS = 'e2e-sj-list';
const SJ = 'nightly-export';

interface Job {
  status?: { conditions?: Array<{ type: string; status: string }> };
}

const finished = (job: Job) =>
  job.status?.conditions?.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');

test("RUNNING counts the ScaledJob's unfinished Jobs, as the API server has them", async ({ page }) => {
  await page.goto('/scaledjobs');
  await expect(listRow(page, TAG, 'order-exporter')).toBeVisible();
  await expect(page.locator(`${TAG} [part="status"]`)).toContainText('Live');
  // Both reads are repeated until they agree: the simulated KEDA creates and finishes Jobs in between.
  await expect
    .poll(async () => {
      const selector = encodeURIComponent('scaledjob.keda.sh/name=order-exporter');
      const jobs = (await (await page.request.get(`${JOBS_PATH}?labelSelector=${selector}`)).json()) as {
        items: Job[];
      };
      const expected = String(jobs.items.filter((j) => !finished(j)).length);
      return (await listCell(page, TAG, 'order-exporter', 'RUNNING')) === expected ? 'same' : expected;
    })
    .toBe('same');
  await expect(
    listRow(page, TAG, 'order-exporter').locator('[role="cell"][title^="Jobs: "]'),
  ).toHaveAttribute('title', /^Jobs: \d+ running/);
});

/** A Job as KEDA labels it for the ScaledJob, suspended so that it stays unfinished. */
const suspendedJob = (name: string) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: NS, labels: { 'scaledjob.keda.sh/name': SJ } },
  spec: {
    suspend: true,
    template: { spec: { containers: [{ name: 'export', image: 'busybox' }], restartPolicy: 'Never' } },
  },
});

test("RUNNING follows the ScaledJob's Jobs as they are created and deleted through the API", async ({
  page,
  request,
}) => {
  await ensureNamespace(request, NS);
  // Once a year at 00:00 on 1 January: KEDA creates no Job of its own during the test.
  const yearly = {
    type: 'cron',
    metadata: { timezone: 'UTC', start: '0 0 1 1 *', end: '1 0 1 1 *', desiredReplicas: '1' },
  };
  await ensure(
    request,
    `/apis/keda.sh/v1alpha1/namespaces/${NS}/scaledjobs`,
    scaledJobBody(SJ, NS, [yearly]),
  );
  await page.goto(`/scaledjobs?ns=${NS}`);
  await expect(listRow(page, TAG, SJ)).toBeVisible();
  await expect.poll(() => listCell(page, TAG, SJ, 'RUNNING')).toBe('0');

  for (const name of ['export-1', 'export-2'])
    await ensure(request, `/apis/batch/v1/namespaces/${NS}/jobs`, suspendedJob(name));
  await expect.poll(() => listCell(page, TAG, SJ, 'RUNNING')).toBe('2');
  await expect(listRow(page, TAG, SJ).locator('[role="cell"][title^="Jobs: "]')).toHaveAttribute(
    'title',
    'Jobs: 2 running (2 pending)',
  );

  const deleted = await request.delete(`${API}/apis/batch/v1/namespaces/${NS}/jobs/export-1`);
  expect(deleted.status(), await deleted.text()).toBe(200);
  await expect.poll(() => listCell(page, TAG, SJ, 'RUNNING')).toBe('1');
});

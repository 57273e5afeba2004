import { expect, test } from './test.ts';

// The demo scenario's objects (demo-site/server/sim/scenarios/demo.ts): the ScaledJob
// orders/order-exporter and the ScaledObject orders/orders-processor use the TriggerAuthentication
// orders/orders-rabbitmq (Secret orders-rabbitmq, key host); payments/payments-reconciler uses the
// ClusterTriggerAuthentication prometheus-bearer (Secret keda/prometheus-token, key token).
const SECRET_VALUES = [
  's3cr3t',
  'eyJhbGciOiJSUzI1NiJ9',
  Buffer.from('amqp://orders:s3cr3t').toString('base64').slice(0, 16),
];

async function expectNoSecretValues(text: string): Promise<void> {
  for (const value of SECRET_VALUES) expect(text).not.toContain(value);
}

test('the ScaledJob details page shows its template, strategy, triggers and Jobs, and links its TriggerAuthentication', async ({
  page,
}) => {
  await page.goto('/scaledjobs/orders/order-exporter');
  const details = page.locator('keda-scaled-job-details');
  await expect(details.locator('header h2')).toHaveText('order-exporter');
  await expect(details.getByRole('region', { name: 'Conditions' })).toContainText('ScaledJobReady');
  await expect(details.getByRole('region', { name: 'Job template' })).toContainText(
    'registry.example.com/shop/order-exporter:1.4.0',
  );
  await expect(details.getByRole('region', { name: 'Scaling', exact: true })).toContainText(
    'Failed history 3',
  );
  await expect(details.getByRole('region', { name: 'Scaling strategy' })).toContainText('default (default)');
  await expect(details.getByRole('region', { name: 'Triggers' })).toContainText('s0-rabbitmq-exports');
  await expect(
    details.getByRole('region', { name: 'Jobs', exact: true }).locator('tbody tr').first(),
  ).toBeVisible();
  await expect(details.getByRole('link', { name: 'Edit YAML' })).toHaveAttribute(
    'href',
    '/scaledjobs/orders/order-exporter/yaml',
  );

  await details
    .getByRole('region', { name: 'Triggers' })
    .getByRole('link', { name: 'orders-rabbitmq' })
    .click();
  await expect(page).toHaveURL(/\/triggerauthentications\/orders\/orders-rabbitmq$/);
  await expect(page.locator('keda-trigger-auth-details header h2')).toHaveText('orders-rabbitmq');
});

test('a TriggerAuthentication shows its Secret reference (never the value) and who uses it; the links navigate', async ({
  page,
}) => {
  await page.goto('/triggerauthentications/orders/orders-rabbitmq');
  const details = page.locator('keda-trigger-auth-details');
  await expect(details.getByRole('region', { name: 'Parameters' })).toContainText('host');
  const secrets = details.getByRole('region', { name: 'Secret references' });
  await expect(secrets.locator('tbody tr')).toHaveText([/orders-rabbitmq\s*host\s*parameter host\s*found/]);
  const usedBy = details.getByRole('region', { name: 'Used by' });
  await expect(usedBy.locator('tbody tr')).toHaveCount(2);
  await expectNoSecretValues((await details.evaluate((el) => el.shadowRoot?.textContent)) ?? '');

  await usedBy.getByRole('link', { name: 'orders-processor' }).click();
  await expect(page).toHaveURL(/\/scaledobjects\/orders\/orders-processor$/);
  await expect(page.locator('keda-scaled-object-details header h2')).toHaveText('orders-processor');

  await page.goBack();
  await details
    .getByRole('region', { name: 'Used by' })
    .getByRole('link', { name: 'order-exporter' })
    .click();
  await expect(page).toHaveURL(/\/scaledjobs\/orders\/order-exporter$/);
  await expect(page.locator('keda-scaled-job-details header h2')).toHaveText('order-exporter');
});

test('a ClusterTriggerAuthentication checks its Secret in the KEDA namespace and links the ScaledObjects of any namespace', async ({
  page,
}) => {
  await page.goto('/clustertriggerauthentications/prometheus-bearer');
  const details = page.locator('keda-trigger-auth-details');
  await expect(details.locator('header')).toContainText('cluster-wide');
  await expect(details.getByRole('region', { name: 'Secret references' }).locator('tbody tr')).toHaveText([
    /prometheus-token\s*token\s*parameter bearerToken\s*found/,
  ]);
  await expectNoSecretValues((await details.evaluate((el) => el.shadowRoot?.textContent)) ?? '');
  const usedBy = details.getByRole('region', { name: 'Used by' });
  await expect(usedBy).toContainText('payments');
  await usedBy.getByRole('link', { name: 'payments-reconciler' }).click();
  await expect(page).toHaveURL(/\/scaledobjects\/payments\/payments-reconciler$/);
  await expect(page.locator('keda-scaled-object-details header h2')).toHaveText('payments-reconciler');
});

test('a details page for a name that does not exist says so with the API-style message', async ({ page }) => {
  await page.goto('/triggerauthentications/orders/no-such-auth');
  await expect(page.locator('keda-trigger-auth-details .message')).toContainText(
    'triggerauthentications.keda.sh "no-such-auth" not found',
  );
});

import { expect, test, type Page } from './test.ts';

// Acceptance (issue #6): the relationship graph renders the demo scenario; clicking a node, or
// Enter on the keyboard-selected node, opens that object's page. Reads the demo scenario only.

const SHOTS = process.env.E2E_SCREENSHOTS;
const ORDERS = 'ScaledObject/orders/orders-processor';

const graph = (page: Page) => page.locator('keda-relationship-graph');

/** Where a node is drawn, in page coordinates. */
async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const point = await graph(page).evaluate((el, nodeId) => {
    const cy = (
      el as unknown as {
        cy?: { getElementById(id: string): { renderedPosition(): { x: number; y: number } } };
      }
    ).cy;
    const canvas = el.shadowRoot?.querySelector('.canvas')?.getBoundingClientRect();
    if (!cy || !canvas) return undefined;
    const p = cy.getElementById(nodeId).renderedPosition();
    return { x: canvas.left + p.x, y: canvas.top + p.y };
  }, id);
  if (!point) throw new Error('graph not drawn');
  return point;
}

async function drawn(page: Page, min: number) {
  await expect
    .poll(() =>
      graph(page).evaluate(
        (el) => (el as unknown as { cy?: { nodes(): { length: number } } }).cy?.nodes().length ?? 0,
      ),
    )
    .toBeGreaterThanOrEqual(min);
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/graph-${name}-${theme}.png` });
  }
  await page.evaluate(() => delete document.documentElement.dataset.theme);
}

test('the graph shows the demo scenario: sources, metrics, scalers, HPAs, workloads and credentials', async ({
  page,
}) => {
  await page.goto('/graph');
  await expect(page.locator('.tabs a[data-page="graph"]')).toHaveAttribute('aria-current', 'page');
  await drawn(page, 30);
  const list = graph(page).locator('section.list');
  // The list alternative (for screen readers) names what the canvas draws, with real links.
  await expect(list.locator(`a[data-node-id="${ORDERS}"]`)).toHaveAttribute(
    'href',
    '/scaledobjects/orders/orders-processor',
  );
  for (const text of [
    'queue orders',
    's0-rabbitmq-orders',
    'keda-hpa-orders-processor',
    'orders-rabbitmq',
    'prometheus-bearer',
  ]) {
    await expect(list).toContainText(text);
  }
  await expect(graph(page).locator('.toolbar .summary')).toContainText(/\d+ objects, \d+ relations/);
  await expect(graph(page).locator('canvas').first()).toBeVisible();
  // No credential from the scenario's Secrets or trigger metadata reaches the page.
  await expect(list).not.toContainText('k4fka-s3cret');
  await shot(page, 'demo');
});

test('clicking a node opens its page', async ({ page }) => {
  await page.goto('/graph');
  await drawn(page, 30);
  const p = await nodePoint(page, ORDERS);
  await page.mouse.click(p.x, p.y);
  await expect(page).toHaveURL(/\/scaledobjects\/orders\/orders-processor$/);
  await expect(page.locator('keda-scaled-object-details')).toBeVisible();
});

test('focused on orders-processor: its neighbourhood only; Enter on the selected node opens it', async ({
  page,
}) => {
  await page.goto(`/graph?focus=${ORDERS}`);
  await drawn(page, 5);
  await expect(graph(page).locator('.focus-chip')).toContainText('orders-processor');
  await expect(graph(page).locator('section.list')).not.toContainText('storefront-api');
  await shot(page, 'orders-processor');
  await graph(page).locator('.canvas').focus();
  await expect(graph(page).locator('#graph-status')).toContainText('orders-processor, ScaledObject');
  // Left to a metric and back, then open.
  await page.keyboard.press('ArrowLeft');
  await expect(graph(page).locator('#graph-status')).toContainText('s0-rabbitmq-orders');
  await page.keyboard.press('ArrowRight');
  await expect(graph(page).locator('#graph-status')).toContainText('orders-processor, ScaledObject');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/scaledobjects\/orders\/orders-processor$/);
});

test('"Show everything" leaves the focus and the URL follows', async ({ page }) => {
  await page.goto(`/graph?focus=${ORDERS}`);
  await drawn(page, 5);
  await graph(page).getByRole('button', { name: 'Show everything' }).click();
  await expect(page).toHaveURL(/\/graph$/);
  await drawn(page, 30);
});

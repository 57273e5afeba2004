import { expect, type Page } from './test.ts';

/** The row of the object `name` in the list element `tag` (its NAME cell is exactly the name). */
export function listRow(page: Page, tag: string, name: string) {
  return page.locator(`${tag} [role="row"]`, {
    has: page.locator('[role="cell"].name', { hasText: new RegExp(`^\\s*${name}\\s*$`) }),
  });
}

/** The text of the cell under the header `column` in the row of `name`. */
export async function listCell(page: Page, tag: string, name: string, column: string): Promise<string> {
  const headers = await page.locator(`${tag} [role="columnheader"]`).allTextContents();
  const index = headers.map((h) => h.replace(/[▲▼]/g, '').trim()).indexOf(column);
  expect(index, `column ${column}`).toBeGreaterThanOrEqual(0);
  return ((await listRow(page, tag, name).locator('[role="cell"]').nth(index).textContent()) ?? '').trim();
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { VirtualWindowController } from './virtual-window.js';

class Host implements ReactiveControllerHost {
  updates = 0;
  addController(_controller: ReactiveController): void {}
  removeController(_controller: ReactiveController): void {}
  requestUpdate(): void {
    this.updates += 1;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

// Before a scroller is observed the viewport is 600 px: (600 − 40) / 40 = 14 rows in view.
const ROW = 40;

test('the rows in view plus the overscan, and the space around them', () => {
  const window = new VirtualWindowController(new Host(), ROW, 3, ROW);
  assert.deepEqual(window.range(1000), { start: 0, end: 17, padTop: 0, padBottom: 983 * ROW });
  assert.deepEqual(window.range(10), { start: 0, end: 10, padTop: 0, padBottom: 0 });
});

test("after the user's change only the rows in view; the overscan once the changes pause", (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const host = new Host();
  const window = new VirtualWindowController(host, ROW, 3, ROW);
  window.deferOverscan();
  assert.deepEqual(window.range(1000), { start: 0, end: 14, padTop: 0, padBottom: 986 * ROW });

  // Another keystroke before the pause: again only the rows in view, and the wait starts again.
  t.mock.timers.tick(60);
  window.deferOverscan();
  assert.equal(window.range(1000).end, 14);
  t.mock.timers.tick(60);
  assert.equal(host.updates, 0, 'no render while the changes go on');
  t.mock.timers.tick(40);
  assert.equal(host.updates, 1, 'one render once they pause');
  assert.equal(window.range(1000).end, 17, 'that render has the overscan');
});

test('a row only partly in view at the bottom is rendered too', () => {
  const window = new VirtualWindowController(new Host(), ROW, 0, ROW);
  // Scrolled by half a row: rows 0 to 14 show (row 0 half hidden, row 14 half shown).
  (window as unknown as { scrollTop: number }).scrollTop = ROW / 2;
  assert.deepEqual(window.range(1000), { start: 0, end: 15, padTop: 0, padBottom: 985 * ROW });
});

test('nothing is deferred when every row is in view anyway', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const host = new Host();
  const window = new VirtualWindowController(host, ROW, 3, ROW);
  window.deferOverscan();
  assert.equal(window.range(5).end, 5);
  t.mock.timers.tick(1000);
  assert.equal(host.updates, 0);
});

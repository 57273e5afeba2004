import { expect } from '@open-wc/testing';
import { EVENTS_ONLY_WINDOW_MS, MIN_LIVE_WINDOW_MS, liveWindow } from './live-state.js';

const NOW = Date.UTC(2026, 10, 30, 11, 0, 0);
const MIN = 60_000;

describe('liveWindow', () => {
  it('spans every sample, and at least the last five minutes', () => {
    expect(liveWindow([NOW - 40 * MIN, NOW - 10 * MIN], undefined, NOW)).to.deep.equal([NOW - 40 * MIN, NOW]);
    expect(liveWindow([NOW - MIN], undefined, NOW)).to.deep.equal([NOW - MIN_LIVE_WINDOW_MS, NOW]);
    expect(liveWindow([], undefined, NOW)).to.deep.equal([NOW - MIN_LIVE_WINDOW_MS, NOW]);
  });

  it('is not widened by old events once there are samples', () => {
    // The ScaledObject was created (and evented) a week ago; sampling started a minute ago.
    expect(liveWindow([NOW - MIN, undefined], NOW - 7 * 24 * 60 * MIN, NOW)).to.deep.equal([
      NOW - MIN_LIVE_WINDOW_MS,
      NOW,
    ]);
  });

  it('reaches back to the events of the last hour while nothing is sampled', () => {
    expect(liveWindow([undefined], NOW - 20 * MIN, NOW)).to.deep.equal([NOW - 20 * MIN, NOW]);
    expect(liveWindow([], NOW - 5 * 60 * MIN, NOW)).to.deep.equal([NOW - EVENTS_ONLY_WINDOW_MS, NOW]);
  });
});

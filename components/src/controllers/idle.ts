/**
 * Runs `work` when the page is idle (within 2 s), or soon where there is no idle callback;
 * `hasTime()` tells whether the idle slice lasts.
 */
export function whenIdle(work: (hasTime: () => boolean) => void): number {
  if (typeof requestIdleCallback === 'function') {
    return requestIdleCallback((deadline) => work(() => deadline.timeRemaining() > 1), { timeout: 2000 });
  }
  const started = performance.now();
  return setTimeout(() => work(() => performance.now() - started < 8), 50) as unknown as number;
}

export function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}

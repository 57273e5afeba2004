/**
 * How much controller work is waiting on a later macrotask, across the process. The virtual
 * clock's `step` waits for it to reach zero between timers, so that a stepped clock replays
 * the same cascade of writes (KEDA scales → Deployment → ReplicaSet → Pods) on every run.
 */
let busy = 0;

/** Marks one unit of deferred work as scheduled; call the returned function once it has run. */
export function beginWork(): () => void {
  busy++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    busy--;
  };
}

/** Units of deferred work scheduled and not yet run. */
export function pendingWork(): number {
  return busy;
}

/** Resolves on a later macrotask once no deferred work is pending (at most `maxRounds` rounds). */
export async function settle(maxRounds = 500): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (busy === 0) return;
  }
}

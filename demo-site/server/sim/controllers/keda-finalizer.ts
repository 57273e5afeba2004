/**
 * Stands in for the KEDA operator's finalizer handling until a full operator exists: when a
 * keda.sh object that carries `finalizer.keda.sh` is being deleted, remove that finalizer at once
 * (the operator's cleanup is instantaneous here), so the deletion completes.
 */
import { isApiError } from '../core/errors.ts';
import { clone } from '../core/json.ts';
import type { KObject } from '../registry/types.ts';
import { parseStorageKey, WorkQueue, type Controller, type ControllerContext } from './controller.ts';

export const KEDA_FINALIZER = 'finalizer.keda.sh';
const KEDA_GROUP = 'keda.sh';

interface Item {
  plural: string;
  namespace: string | undefined;
  name: string;
}

export class KedaFinalizerController implements Controller {
  readonly name = 'keda-finalizer';
  private queue: WorkQueue<Item> | undefined;
  private unsubscribe: (() => void) | undefined;

  start(ctx: ControllerContext): void {
    const queue = new WorkQueue<Item>(
      (item) => this.reconcile(ctx, item),
      (error, item) => {
        if (!isApiError(error) || (error.code !== 404 && error.code !== 409)) {
          ctx.log(`${this.name}: ${item.plural} ${item.namespace ?? ''}/${item.name}: ${String(error)}`);
        }
        if (isApiError(error) && error.code === 409)
          queue.add(`${item.plural}/${item.namespace ?? ''}/${item.name}`, item);
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      if (event.type === 'DELETED') return;
      const { group, plural } = parseStorageKey(event.resource);
      if (group !== KEDA_GROUP || !needsFinalizing(event.object)) return;
      const { namespace, name = '' } = event.object.metadata;
      queue.add(`${plural}/${namespace ?? ''}/${name}`, { plural, namespace, name });
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
  }

  private reconcile(ctx: ControllerContext, item: Item): void {
    const def = ctx.registry.find(KEDA_GROUP, item.plural);
    if (!def) return;
    const current = ctx.service.get(def, item.namespace, item.name);
    if (!needsFinalizing(current)) return;
    const next = clone(current);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== KEDA_FINALIZER);
    ctx.service.update(def, item.namespace, item.name, next);
  }
}

function needsFinalizing(object: KObject): boolean {
  return !!object.metadata.deletionTimestamp && (object.metadata.finalizers ?? []).includes(KEDA_FINALIZER);
}

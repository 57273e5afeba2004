/**
 * Namespace lifecycle: a namespace being deleted (phase Terminating) has its content deleted,
 * and once nothing is left its `kubernetes` finalizer is removed, which completes the deletion.
 */
import { isApiError } from '../core/errors.ts';
import { getPath } from '../core/json.ts';
import { namespaceResource } from '../registry/builtin.ts';
import { storageKey } from '../registry/types.ts';
import { WorkQueue, type Controller, type ControllerContext } from './controller.ts';

const NAMESPACES_KEY = storageKey(namespaceResource);

export class NamespaceController implements Controller {
  readonly name = 'namespace';
  private queue: WorkQueue<string> | undefined;
  private unsubscribe: (() => void) | undefined;

  start(ctx: ControllerContext): void {
    const queue = new WorkQueue<string>(
      (ns) => this.reconcile(ctx, ns),
      (error, ns) => {
        if (!isApiError(error) || error.code !== 404) ctx.log(`${this.name}: ${ns}: ${String(error)}`);
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      if (event.resource === NAMESPACES_KEY) {
        if (event.type !== 'DELETED' && event.object.metadata.deletionTimestamp) {
          queue.add(event.object.metadata.name ?? '', event.object.metadata.name ?? '');
        }
        return;
      }
      const ns = event.object.metadata.namespace;
      if (!ns) return;
      const namespace = ctx.store.get(NAMESPACES_KEY, undefined, ns);
      if (namespace?.metadata.deletionTimestamp) queue.add(ns, ns);
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
  }

  private reconcile(ctx: ControllerContext, ns: string): void {
    const namespace = ctx.store.get(NAMESPACES_KEY, undefined, ns);
    if (!namespace?.metadata.deletionTimestamp) return;
    let remaining = 0;
    const seen = new Set<string>();
    for (const def of ctx.registry.all()) {
      const key = storageKey(def);
      if (!def.namespaced || seen.has(key)) continue;
      seen.add(key);
      for (const object of ctx.store.list(key, ns)) {
        remaining++;
        // Background, as the real namespace controller asks: dependents go through the garbage
        // collector, and no kind's default (batch/v1 Jobs orphan) leaves an orphan finalizer behind.
        if (!object.metadata.deletionTimestamp) {
          ctx.service.delete(def, ns, object.metadata.name ?? '', { propagationPolicy: 'Background' });
        }
      }
    }
    if (remaining > 0) return;
    const finalizers = getPath(namespace, ['spec', 'finalizers']);
    if (Array.isArray(finalizers) && finalizers.length > 0) {
      ctx.service.update(
        namespaceResource,
        undefined,
        ns,
        { ...namespace, spec: { ...(namespace.spec as object), finalizers: [] } },
        {},
        'finalize',
      );
    }
  }
}

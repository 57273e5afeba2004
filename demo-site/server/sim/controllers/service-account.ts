/**
 * The ServiceAccounts controller of kube-controller-manager: every active namespace has a
 * `default` ServiceAccount; it is created with the namespace and re-created when deleted.
 */
import { isApiError } from '../core/errors.ts';
import { DEFAULT_SERVICE_ACCOUNT, namespaceResource, serviceAccountResource } from '../registry/builtin.ts';
import { storageKey } from '../registry/types.ts';
import { WorkQueue, type Controller, type ControllerContext } from './controller.ts';

const NAMESPACES_KEY = storageKey(namespaceResource);
const SERVICE_ACCOUNTS_KEY = storageKey(serviceAccountResource);

export class ServiceAccountController implements Controller {
  readonly name = 'serviceaccount';
  private queue: WorkQueue<string> | undefined;
  private unsubscribe: (() => void) | undefined;

  start(ctx: ControllerContext): void {
    const queue = new WorkQueue<string>(
      (ns) => this.reconcile(ctx, ns),
      (error, ns) => {
        // 409: it exists already; 403/404: the namespace is going away.
        if (!isApiError(error) || ![403, 404, 409].includes(error.code)) {
          ctx.log(`${this.name}: ${ns}: ${String(error)}`);
        }
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      if (event.resource === NAMESPACES_KEY && event.type === 'ADDED') {
        queue.add(event.object.metadata.name ?? '', event.object.metadata.name ?? '');
      } else if (
        event.resource === SERVICE_ACCOUNTS_KEY &&
        event.type === 'DELETED' &&
        event.object.metadata.name === DEFAULT_SERVICE_ACCOUNT
      ) {
        const ns = event.object.metadata.namespace ?? '';
        queue.add(ns, ns);
      }
    });
    for (const ns of ctx.store.list(NAMESPACES_KEY))
      queue.add(ns.metadata.name ?? '', ns.metadata.name ?? '');
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
  }

  private reconcile(ctx: ControllerContext, ns: string): void {
    const namespace = ctx.store.get(NAMESPACES_KEY, undefined, ns);
    if (!namespace || namespace.metadata.deletionTimestamp) return;
    if (ctx.store.has(SERVICE_ACCOUNTS_KEY, ns, DEFAULT_SERVICE_ACCOUNT)) return;
    ctx.service.create(serviceAccountResource, ns, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace: ns },
    });
  }
}

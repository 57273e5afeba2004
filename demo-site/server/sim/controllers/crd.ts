/**
 * CustomResourceDefinition status: names accepted and Established, as the apiextensions
 * controllers report once a CRD is served. (Serving itself is the registrar's job.)
 */
import { isApiError } from '../core/errors.ts';
import { getPath, isObject, type JsonObject } from '../core/json.ts';
import { rfc3339 } from '../core/time.ts';
import { crdResource } from '../registry/builtin.ts';
import { storageKey, type KObject } from '../registry/types.ts';
import { WorkQueue, type Controller, type ControllerContext } from './controller.ts';

const KEY = storageKey(crdResource);

/** The status of an accepted, established CRD. */
export function establishedCrdStatus(crd: KObject, now: Date): JsonObject {
  const at = rfc3339(now);
  const versions = getPath(crd, ['spec', 'versions']);
  const stored = (Array.isArray(versions) ? versions.filter(isObject) : [])
    .filter((v) => v.storage === true)
    .map((v) => v.name);
  return {
    acceptedNames: getPath(crd, ['spec', 'names']) ?? {},
    conditions: [
      {
        type: 'NamesAccepted',
        status: 'True',
        lastTransitionTime: at,
        reason: 'NoConflicts',
        message: 'no conflicts found',
      },
      {
        type: 'Established',
        status: 'True',
        lastTransitionTime: at,
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
    ],
    storedVersions: stored,
  };
}

function established(crd: KObject): boolean {
  const conditions = getPath(crd, ['status', 'conditions']);
  return (
    Array.isArray(conditions) &&
    conditions.some((c) => isObject(c) && c.type === 'Established' && c.status === 'True')
  );
}

export class CrdController implements Controller {
  readonly name = 'crd';
  private queue: WorkQueue<string> | undefined;
  private unsubscribe: (() => void) | undefined;

  start(ctx: ControllerContext): void {
    const queue = new WorkQueue<string>(
      (name) => {
        const crd = ctx.service.get(crdResource, undefined, name);
        if (established(crd)) return;
        ctx.service.update(
          crdResource,
          undefined,
          name,
          { ...crd, status: establishedCrdStatus(crd, ctx.clock.now()) },
          {},
          'status',
        );
      },
      (error, name) => {
        if (!isApiError(error) || error.code !== 404) ctx.log(`${this.name}: ${name}: ${String(error)}`);
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      if (event.resource !== KEY || event.type === 'DELETED' || established(event.object)) return;
      queue.add(event.object.metadata.name ?? '', event.object.metadata.name ?? '');
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
  }
}

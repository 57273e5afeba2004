/**
 * KEDA's TriggerAuthentication / ClusterTriggerAuthentication controllers: the finalizer, the
 * Added / Updated / Deleted events (with KEDA's own constants, `ClusterTriggerAuthenticationUpdated`
 * on a namespaced TriggerAuthentication included), and `status.scaledobjects` / `scaledjobs`: the
 * comma-separated names of the ScaledObjects and ScaledJobs that reference it.
 */
import type { KedaVersion } from '../../../../../components/src/core/scaling/keda.ts';
import { isApiError } from '../../core/errors.ts';
import { clone, deepEqual, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { storageKey, type KObject, type ResourceDef } from '../../registry/types.ts';
import { WorkQueue, type Controller, type ControllerContext } from '../controller.ts';
import { objectRef } from '../events.ts';
import { isRace } from '../workloads/common.ts';
import {
  emitterEvent,
  KEDA_FINALIZER,
  kedaDef,
  kedaRecorder,
  triggersOf,
  type KedaRecorder,
} from './common.ts';

type Kind = 'TriggerAuthentication' | 'ClusterTriggerAuthentication';

interface Item {
  kind: Kind;
  namespace: string | undefined;
  name: string;
  /** A reconcile of the object itself (events); false = status only. */
  full: boolean;
}

const PLURAL: Readonly<Record<Kind, string>> = {
  TriggerAuthentication: 'triggerauthentications',
  ClusterTriggerAuthentication: 'clustertriggerauthentications',
};

export class TriggerAuthenticationController implements Controller {
  readonly name = 'keda-triggerauthentication';
  private queue: WorkQueue<Item> | undefined;
  private unsubscribe: (() => void) | undefined;
  private recorder: KedaRecorder | undefined;

  constructor(private readonly version: KedaVersion) {}

  start(ctx: ControllerContext): void {
    this.recorder = kedaRecorder(ctx, this.version);
    const queue = new WorkQueue<Item>(
      (item) => this.reconcile(ctx, item),
      (error, item) => {
        if (isApiError(error) && error.code === 409) queue.add(this.id(item), item);
        else if (!isRace(error))
          ctx.log(`${this.name}: ${item.namespace ?? ''}/${item.name}: ${String(error)}`);
      },
    );
    this.queue = queue;
    const add = (item: Item): void => queue.add(this.id(item), item);
    this.unsubscribe = ctx.store.subscribe((event) => {
      for (const kind of ['TriggerAuthentication', 'ClusterTriggerAuthentication'] as const) {
        const def = kedaDef(ctx.registry, PLURAL[kind]);
        if (!def || event.resource !== storageKey(def)) continue;
        const prev = event.previous;
        const full =
          event.type === 'ADDED' ||
          (event.type === 'MODIFIED' &&
            (!prev ||
              prev.metadata.generation !== event.object.metadata.generation ||
              (!!event.object.metadata.deletionTimestamp && !prev.metadata.deletionTimestamp)));
        if (event.type === 'DELETED' || !full) return;
        add({
          kind,
          namespace: event.object.metadata.namespace,
          name: event.object.metadata.name ?? '',
          full: true,
        });
        return;
      }
      for (const plural of ['scaledobjects', 'scaledjobs']) {
        const def = kedaDef(ctx.registry, plural);
        if (!def || event.resource !== storageKey(def)) continue;
        const refs = new Set<string>();
        for (const o of [event.object, event.previous]) {
          if (!o) continue;
          for (const t of triggersOf(o)) {
            if (!t.authenticationRef) continue;
            const kind: Kind =
              t.authenticationRef.kind === 'ClusterTriggerAuthentication'
                ? 'ClusterTriggerAuthentication'
                : 'TriggerAuthentication';
            refs.add(
              JSON.stringify([
                kind,
                kind === 'TriggerAuthentication' ? o.metadata.namespace : undefined,
                t.authenticationRef.name,
              ]),
            );
          }
        }
        for (const r of refs) {
          const [kind, namespace, name] = JSON.parse(r) as [Kind, string | undefined, string];
          add({ kind, namespace, name, full: false });
        }
      }
    });
    for (const kind of ['TriggerAuthentication', 'ClusterTriggerAuthentication'] as const) {
      const def = kedaDef(ctx.registry, PLURAL[kind]);
      for (const o of def ? ctx.store.list(storageKey(def)) : []) {
        add({
          kind,
          namespace: o.metadata.namespace,
          name: o.metadata.name ?? '',
          full: !(o.metadata.finalizers ?? []).includes(KEDA_FINALIZER) || !!o.metadata.deletionTimestamp,
        });
      }
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
  }

  private id(item: Item): string {
    return `${item.kind}/${item.namespace ?? ''}/${item.name}|${item.full ? 'full' : 'status'}`;
  }

  /** Names of the ScaledObjects / ScaledJobs that reference this authentication, comma-joined. */
  private users(
    ctx: ControllerContext,
    plural: string,
    kind: Kind,
    namespace: string | undefined,
    name: string,
  ): string {
    const def = kedaDef(ctx.registry, plural);
    if (!def) return '';
    const names = ctx.store
      .scan(storageKey(def), kind === 'TriggerAuthentication' ? namespace : undefined)
      .filter((o) => !o.metadata.deletionTimestamp)
      .filter((o) =>
        triggersOf(o).some((t) => {
          const ref = t.authenticationRef;
          if (!ref || ref.name !== name) return false;
          return (ref.kind === 'ClusterTriggerAuthentication') === (kind === 'ClusterTriggerAuthentication');
        }),
      )
      .map((o) => o.metadata.name ?? '');
    return [...new Set(names)].sort().join(',');
  }

  private reconcile(ctx: ControllerContext, item: Item): void {
    const def = kedaDef(ctx.registry, PLURAL[item.kind]);
    if (!def) return;
    let auth = ctx.store.peek(storageKey(def), item.namespace, item.name);
    if (!auth) return;
    const cluster = item.kind === 'ClusterTriggerAuthentication';
    if (auth.metadata.deletionTimestamp) {
      if (!(auth.metadata.finalizers ?? []).includes(KEDA_FINALIZER)) return;
      const next = clone(auth);
      next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== KEDA_FINALIZER);
      ctx.service.update(def, item.namespace, item.name, next);
      this.event(
        def,
        auth,
        cluster ? 'ClusterTriggerAuthenticationDeleted' : 'TriggerAuthenticationDeleted',
        cluster ? 'ClusterTriggerAuthentication was deleted' : 'TriggerAuthentication was deleted',
      );
      return;
    }
    if (item.full) {
      if (!(auth.metadata.finalizers ?? []).includes(KEDA_FINALIZER)) {
        const next = clone(auth);
        next.metadata.finalizers = [...(next.metadata.finalizers ?? []), KEDA_FINALIZER];
        auth = ctx.service.update(def, item.namespace, item.name, next);
      }
      if ((auth.metadata.generation ?? 1) === 1) {
        this.event(
          def,
          auth,
          cluster ? 'ClusterTriggerAuthenticationAdded' : 'TriggerAuthenticationAdded',
          cluster ? 'New ClusterTriggerAuthentication configured' : 'New TriggerAuthentication configured',
        );
      } else {
        // Upstream: both constants are "ClusterTriggerAuthenticationUpdated" and both texts say ClusterTriggerAuthentication.
        this.event(
          def,
          auth,
          'ClusterTriggerAuthenticationUpdated',
          `ClusterTriggerAuthentication ${item.name} is updated`,
        );
      }
    }
    const status: JsonObject = { ...(isObject(auth.status) ? auth.status : {}) };
    const scaledObjects = this.users(ctx, 'scaledobjects', item.kind, item.namespace, item.name);
    const scaledJobs = this.users(ctx, 'scaledjobs', item.kind, item.namespace, item.name);
    if (scaledObjects) status.scaledobjects = scaledObjects;
    else delete status.scaledobjects;
    if (scaledJobs) status.scaledjobs = scaledJobs;
    else delete status.scaledjobs;
    if (!deepEqual(getPath(auth, ['status']) ?? {}, status)) {
      ctx.service.update(def, item.namespace, item.name, { ...auth, status }, {}, 'status');
    }
  }

  private event(def: ResourceDef, auth: KObject, reason: string, message: string): void {
    this.recorder?.emit(objectRef(def, auth), emitterEvent(this.version, 'Normal', reason, message));
  }
}

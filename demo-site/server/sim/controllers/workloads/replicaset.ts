/**
 * The ReplicaSet controller: keeps `spec.replicas` pods (named `<rs>-<5 random>`, controlled by
 * the ReplicaSet) and reports replicas / fullyLabeledReplicas / readyReplicas / availableReplicas /
 * observedGeneration, with `SuccessfulCreate` (`Created pod: <pod>`) and `SuccessfulDelete`
 * (`Deleted pod: <pod>`) events from `replicaset-controller`. Scale-down removes pods that are
 * unscheduled, then pending, then not ready, then the newest.
 */
import { asNumber, clone, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { podResource, replicaSetResource } from '../../registry/builtin.ts';
import { storageKey, type KObject } from '../../registry/types.ts';
import { WorkQueue, type Controller, type ControllerContext } from '../controller.ts';
import { CoreEventRecorder, objectRef } from '../events.ts';
import {
  controllerRef,
  controllerUid,
  isRace,
  omitZero,
  podActive,
  podAvailable,
  podPhase,
  podReady,
  selectorMatches,
  specReplicas,
  writeStatus,
} from './common.ts';

const RS = storageKey(replicaSetResource);
const PODS = storageKey(podResource);

interface Key {
  namespace: string;
  name: string;
}

/** The pod a controller creates from a template. */
export function podFromTemplate(
  template: unknown,
  owner: JsonObject,
  generateName: string,
  namespace: string,
): KObject {
  const t = isObject(template) ? clone(template) : {};
  const meta = isObject(t.metadata) ? t.metadata : {};
  const metadata: KObject['metadata'] = {
    generateName,
    namespace,
    labels: isObject(meta.labels) ? (meta.labels as Record<string, string>) : {},
    ownerReferences: [owner as never],
  };
  if (isObject(meta.annotations)) metadata.annotations = meta.annotations as Record<string, string>;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: isObject(t.spec) ? t.spec : {} };
}

/** Rank for deletion: lower goes first (kube's ActivePods ordering, simplified). */
function deletionRank(pod: KObject): number {
  if (typeof getPath(pod, ['spec', 'nodeName']) !== 'string') return 0;
  if (podPhase(pod) === 'Pending') return 1;
  if (!podReady(pod)) return 2;
  return 3;
}

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset';
  private queue: WorkQueue<Key> | undefined;
  private unsubscribe: (() => void) | undefined;
  private recorder: CoreEventRecorder | undefined;

  start(ctx: ControllerContext): void {
    this.recorder = new CoreEventRecorder(ctx, 'replicaset-controller');
    const queue = new WorkQueue<Key>(
      (key) => this.reconcile(ctx, key),
      (error, key) => {
        if (!isRace(error)) ctx.log(`${this.name}: ${key.namespace}/${key.name}: ${String(error)}`);
        else if ((error as { code?: number }).code === 409) queue.add(`${key.namespace}/${key.name}`, key);
      },
    );
    this.queue = queue;
    const enqueueOwner = (object: KObject): void => {
      const owner = object.metadata.ownerReferences?.find(
        (r) => r.controller === true && r.kind === 'ReplicaSet',
      );
      if (!owner) return;
      const namespace = object.metadata.namespace ?? '';
      queue.add(`${namespace}/${owner.name}`, { namespace, name: owner.name });
    };
    this.unsubscribe = ctx.store.subscribe((event) => {
      if (event.resource === RS && event.type !== 'DELETED') {
        const { namespace = '', name = '' } = event.object.metadata;
        queue.add(`${namespace}/${name}`, { namespace, name });
      } else if (event.resource === PODS) enqueueOwner(event.object);
    });
    for (const rs of ctx.store.list(RS)) {
      const { namespace = '', name = '' } = rs.metadata;
      queue.add(`${namespace}/${name}`, { namespace, name });
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
  }

  private reconcile(ctx: ControllerContext, key: Key): void {
    const rs = ctx.store.peek(RS, key.namespace, key.name);
    if (!rs) return;
    const recorder = this.recorder as CoreEventRecorder;
    const uid = rs.metadata.uid ?? '';
    const selector = getPath(rs, ['spec', 'selector']);
    const active = ctx.store
      .scan(PODS, key.namespace)
      .filter((p) => controllerUid(p) === uid && podActive(p));
    const want = rs.metadata.deletionTimestamp ? 0 : specReplicas(rs);
    const ref = objectRef(replicaSetResource, rs);
    if (active.length < want) {
      const owner = controllerRef(replicaSetResource, rs);
      for (let i = active.length; i < want; i++) {
        const pod = ctx.service.create(
          podResource,
          key.namespace,
          podFromTemplate(
            getPath(rs, ['spec', 'template']),
            owner as unknown as JsonObject,
            `${key.name}-`,
            key.namespace,
          ),
        );
        recorder.event(ref, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name ?? ''}`);
      }
    } else if (active.length > want) {
      const victims = [...active]
        .sort((a, b) => {
          const r = deletionRank(a) - deletionRank(b);
          if (r !== 0) return r;
          const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
          const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
          return tb - ta;
        })
        .slice(0, active.length - want);
      for (const pod of victims) {
        ctx.service.delete(podResource, key.namespace, pod.metadata.name ?? '', {
          preconditions: { uid: pod.metadata.uid },
        });
        recorder.event(ref, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name ?? ''}`);
      }
    }
    const pods = ctx.store.scan(PODS, key.namespace).filter((p) => controllerUid(p) === uid && podActive(p));
    const nowMs = ctx.clock.now().getTime();
    const minReady = asNumber(getPath(rs, ['spec', 'minReadySeconds'])) ?? 0;
    const status = omitZero(
      {
        replicas: pods.length,
        fullyLabeledReplicas: pods.filter((p) => selectorMatches(selector, p.metadata.labels)).length,
        readyReplicas: pods.filter(podReady).length,
        availableReplicas: pods.filter((p) => podAvailable(p, minReady, nowMs)).length,
        observedGeneration: rs.metadata.generation ?? 1,
      },
      ['replicas'],
    );
    writeStatus(ctx.service, replicaSetResource, rs, status);
    // minReadySeconds: look again once the newest ready pod becomes available.
    if (minReady > 0 && status.availableReplicas !== status.readyReplicas) {
      ctx.scheduler.after(minReady * 1000, () => this.queue?.add(`${key.namespace}/${key.name}`, key));
    }
  }
}

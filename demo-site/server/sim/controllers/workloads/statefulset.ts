/**
 * The StatefulSet controller: ordinal pods `<sts>-0 … <sts>-(n-1)`; with the default
 * OrderedReady policy a pod is created only once every lower ordinal is Running and Ready, and
 * scale-down removes the highest ordinal first, one at a time (Parallel does all at once).
 * Events from `statefulset-controller`: `create Pod <pod> in StatefulSet <sts> successful`,
 * `delete Pod <pod> in StatefulSet <sts> successful`.
 */
import { getPath, isObject, type JsonObject } from '../../core/json.ts';
import { podResource, statefulSetResource } from '../../registry/builtin.ts';
import { storageKey, type KObject } from '../../registry/types.ts';
import { WorkQueue, type Controller, type ControllerContext } from '../controller.ts';
import { CoreEventRecorder, objectRef } from '../events.ts';
import {
  controllerRef,
  controllerUid,
  isRace,
  podActive,
  podReady,
  specReplicas,
  templateHash,
  writeStatus,
} from './common.ts';
import { podFromTemplate } from './replicaset.ts';

const STS = storageKey(statefulSetResource);
const PODS = storageKey(podResource);

interface Key {
  namespace: string;
  name: string;
}

function ordinalOf(name: string, sts: string): number {
  const rest = name.slice(sts.length + 1);
  return /^\d+$/.test(rest) ? Number(rest) : -1;
}

export class StatefulSetController implements Controller {
  readonly name = 'statefulset';
  private queue: WorkQueue<Key> | undefined;
  private unsubscribe: (() => void) | undefined;
  private recorder: CoreEventRecorder | undefined;

  start(ctx: ControllerContext): void {
    this.recorder = new CoreEventRecorder(ctx, 'statefulset-controller');
    const queue = new WorkQueue<Key>(
      (key) => this.reconcile(ctx, key),
      (error, key) => {
        if (!isRace(error)) ctx.log(`${this.name}: ${key.namespace}/${key.name}: ${String(error)}`);
        else queue.add(`${key.namespace}/${key.name}`, key);
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      if (event.resource === STS && event.type !== 'DELETED') {
        const { namespace = '', name = '' } = event.object.metadata;
        queue.add(`${namespace}/${name}`, { namespace, name });
      } else if (event.resource === PODS) {
        const owner = event.object.metadata.ownerReferences?.find(
          (r) => r.controller === true && r.kind === 'StatefulSet',
        );
        if (!owner) return;
        const namespace = event.object.metadata.namespace ?? '';
        queue.add(`${namespace}/${owner.name}`, { namespace, name: owner.name });
      }
    });
    for (const sts of ctx.store.list(STS)) {
      const { namespace = '', name = '' } = sts.metadata;
      queue.add(`${namespace}/${name}`, { namespace, name });
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
  }

  private reconcile(ctx: ControllerContext, key: Key): void {
    const sts = ctx.store.peek(STS, key.namespace, key.name);
    if (!sts || sts.metadata.deletionTimestamp) return;
    const uid = sts.metadata.uid ?? '';
    const want = specReplicas(sts);
    const parallel = getPath(sts, ['spec', 'podManagementPolicy']) === 'Parallel';
    const revision = `${key.name}-${templateHash(getPath(sts, ['spec', 'template'])).slice(0, 10)}`;
    const ref = objectRef(statefulSetResource, sts);
    const pods = ctx.store.scan(PODS, key.namespace).filter((p) => controllerUid(p) === uid && podActive(p));
    const byOrdinal = new Map<number, KObject>();
    for (const p of pods) byOrdinal.set(ordinalOf(p.metadata.name ?? '', key.name), p);

    for (let i = 0; i < want; i++) {
      if (byOrdinal.has(i)) continue;
      const lowerReady = [...Array(i).keys()].every((j) => {
        const p = byOrdinal.get(j);
        return p !== undefined && podReady(p);
      });
      if (!parallel && !lowerReady) break;
      const pod = podFromTemplate(
        getPath(sts, ['spec', 'template']),
        controllerRef(statefulSetResource, sts) as unknown as JsonObject,
        '',
        key.namespace,
      );
      const name = `${key.name}-${i}`;
      delete pod.metadata.generateName;
      pod.metadata.name = name;
      pod.metadata.labels = {
        ...(pod.metadata.labels ?? {}),
        'apps.kubernetes.io/pod-index': String(i),
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': name,
      };
      const spec = isObject(pod.spec) ? pod.spec : {};
      spec.hostname = name;
      const service = getPath(sts, ['spec', 'serviceName']);
      if (typeof service === 'string' && service) spec.subdomain = service;
      const created = ctx.service.create(podResource, key.namespace, { ...pod, spec });
      byOrdinal.set(i, created);
      this.recorder?.event(
        ref,
        'Normal',
        'SuccessfulCreate',
        `create Pod ${name} in StatefulSet ${key.name} successful`,
      );
      if (!parallel) break;
    }
    const extra = [...byOrdinal.keys()].filter((i) => i >= want || i < 0).sort((a, b) => b - a);
    for (const i of parallel ? extra : extra.slice(0, 1)) {
      const pod = byOrdinal.get(i);
      if (!pod) continue;
      ctx.service.delete(podResource, key.namespace, pod.metadata.name ?? '', {
        preconditions: { uid: pod.metadata.uid },
      });
      byOrdinal.delete(i);
      this.recorder?.event(
        ref,
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${pod.metadata.name ?? ''} in StatefulSet ${key.name} successful`,
      );
    }
    const current = [...byOrdinal.values()];
    const ready = current.filter(podReady).length;
    const status: JsonObject = {
      observedGeneration: sts.metadata.generation ?? 1,
      replicas: current.length,
      ...(ready > 0 ? { readyReplicas: ready } : {}),
      ...(current.length > 0 ? { currentReplicas: current.length, updatedReplicas: current.length } : {}),
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
      availableReplicas: ready,
    };
    writeStatus(ctx.service, statefulSetResource, sts, status);
  }
}

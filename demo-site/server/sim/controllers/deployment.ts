/**
 * A stand-in Deployment controller until pods and ReplicaSets are simulated: every rollout
 * completes at once, so status always reports spec.replicas ready and available.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { isApiError } from '../core/errors.ts';
import { asNumber, deepEqual, getPath, isObject, type JsonObject } from '../core/json.ts';
import { rfc3339 } from '../core/time.ts';
import { deploymentResource } from '../registry/builtin.ts';
import { storageKey, type KObject } from '../registry/types.ts';
import { WorkQueue, type Controller, type ControllerContext } from './controller.ts';

const KEY = storageKey(deploymentResource);
const HASH_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A stable pod-template-hash-like suffix for a Deployment's current template. */
export function templateHash(deployment: KObject): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(getPath(deployment, ['spec', 'template']) ?? {}))
    .digest();
  let out = '';
  for (let i = 0; i < 10; i++) out += HASH_ALPHABET[(digest[i] ?? 0) % HASH_ALPHABET.length];
  return out;
}

function condition(
  previous: JsonObject[],
  type: string,
  status: string,
  reason: string,
  message: string,
  now: string,
): JsonObject {
  const old = previous.find((c) => c.type === type);
  const same = old && old.status === status;
  return {
    type,
    status,
    lastUpdateTime: same && old.reason === reason ? old.lastUpdateTime : now,
    lastTransitionTime: same ? old.lastTransitionTime : now,
    reason,
    message,
  };
}

/** The status a finished rollout of `deployment` has (zero counts omitted, as the API does). */
export function completedDeploymentStatus(deployment: KObject, now: Date): JsonObject {
  const replicas = asNumber(getPath(deployment, ['spec', 'replicas'])) ?? 1;
  const prevConditions = getPath(deployment, ['status', 'conditions']);
  const previous = Array.isArray(prevConditions) ? prevConditions.filter(isObject) : [];
  const at = rfc3339(now);
  const status: JsonObject = { observedGeneration: deployment.metadata.generation ?? 1 };
  if (replicas > 0) {
    Object.assign(status, {
      replicas,
      updatedReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
    });
  }
  status.conditions = [
    condition(
      previous,
      'Available',
      'True',
      'MinimumReplicasAvailable',
      'Deployment has minimum availability.',
      at,
    ),
    condition(
      previous,
      'Progressing',
      'True',
      'NewReplicaSetAvailable',
      `ReplicaSet "${deployment.metadata.name ?? ''}-${templateHash(deployment)}" has successfully progressed.`,
      at,
    ),
  ];
  return status;
}

function settled(deployment: KObject, clock: Clock): boolean {
  const desired = completedDeploymentStatus(deployment, clock.now());
  const current = deployment.status;
  if (!isObject(current)) return false;
  const strip = (s: JsonObject): JsonObject => {
    const { conditions: _c, ...rest } = s;
    return rest;
  };
  const conditionsOf = (s: JsonObject): unknown =>
    (Array.isArray(s.conditions) ? s.conditions.filter(isObject) : []).map((c) => [
      c.type,
      c.status,
      c.reason,
      c.message,
    ]);
  return deepEqual(strip(desired), strip(current)) && deepEqual(conditionsOf(desired), conditionsOf(current));
}

export class DeploymentController implements Controller {
  readonly name = 'deployment';
  private queue: WorkQueue<{ namespace: string; name: string }> | undefined;
  private unsubscribe: (() => void) | undefined;

  start(ctx: ControllerContext): void {
    const queue = new WorkQueue<{ namespace: string; name: string }>(
      (item) => this.reconcile(ctx, item.namespace, item.name),
      (error, item) => {
        if (isApiError(error) && error.code === 409) queue.add(`${item.namespace}/${item.name}`, item);
        else if (!isApiError(error) || error.code !== 404)
          ctx.log(`${this.name}: ${item.namespace}/${item.name}: ${String(error)}`);
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      if (event.resource !== KEY || event.type === 'DELETED') return;
      if (settled(event.object, ctx.clock)) return;
      const { namespace = '', name = '' } = event.object.metadata;
      queue.add(`${namespace}/${name}`, { namespace, name });
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
  }

  private reconcile(ctx: ControllerContext, namespace: string, name: string): void {
    const current = ctx.service.get(deploymentResource, namespace, name);
    if (settled(current, ctx.clock)) return;
    const status = completedDeploymentStatus(current, ctx.clock.now());
    ctx.service.update(deploymentResource, namespace, name, { ...current, status }, {}, 'status');
  }
}

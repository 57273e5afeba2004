/**
 * The Deployment controller: one ReplicaSet per pod template (`<deployment>-<pod-template-hash>`,
 * revision annotations), rollouts (RollingUpdate with maxSurge / maxUnavailable, or Recreate),
 * `ScalingReplicaSet` events (`Scaled up replica set <rs> from 1 to 4`) from `deployment-controller`,
 * and the status the real controller computes (replicas, updated, ready, available, unavailable,
 * observedGeneration, Available / Progressing conditions).
 */
import { asNumber, asString, clone, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { deploymentResource, replicaSetResource } from '../../registry/builtin.ts';
import { storageKey, type KObject } from '../../registry/types.ts';
import { WorkQueue, type Controller, type ControllerContext } from '../controller.ts';
import { CoreEventRecorder, objectRef } from '../events.ts';
import {
  conditionsOf,
  controllerRef,
  controllerUid,
  isRace,
  omitZero,
  setCondition,
  specReplicas,
  templateHash,
  writeStatus,
} from './common.ts';

const DEPLOYMENTS = storageKey(deploymentResource);
const RS = storageKey(replicaSetResource);
const REVISION = 'deployment.kubernetes.io/revision';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH = 'pod-template-hash';

interface Key {
  namespace: string;
  name: string;
}

/** An intstr (`2` or `"25%"`) resolved against `total`, rounding up or down. */
export function resolveIntOrPercent(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.endsWith('%')) {
    const pct = Number(value.slice(0, -1));
    if (!Number.isFinite(pct)) return 0;
    const raw = (pct * total) / 100;
    return roundUp ? Math.ceil(raw) : Math.floor(raw);
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** maxSurge and maxUnavailable of a RollingUpdate Deployment (never both 0). */
export function rollingParameters(
  deployment: KObject,
  desired: number,
): { surge: number; unavailable: number } {
  const rolling = getPath(deployment, ['spec', 'strategy', 'rollingUpdate']);
  const surge = resolveIntOrPercent(getPath(rolling, ['maxSurge']) ?? '25%', desired, true);
  let unavailable = resolveIntOrPercent(getPath(rolling, ['maxUnavailable']) ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable: Math.min(unavailable, desired) };
}

function revisionOf(rs: KObject): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

const statusNumber = (rs: KObject, field: string): number => asNumber(getPath(rs, ['status', field])) ?? 0;

export class DeploymentController implements Controller {
  readonly name = 'deployment';
  private queue: WorkQueue<Key> | undefined;
  private unsubscribe: (() => void) | undefined;
  private recorder: CoreEventRecorder | undefined;

  start(ctx: ControllerContext): void {
    this.recorder = new CoreEventRecorder(ctx, 'deployment-controller');
    const queue = new WorkQueue<Key>(
      (key) => this.reconcile(ctx, key),
      (error, key) => {
        if (!isRace(error)) ctx.log(`${this.name}: ${key.namespace}/${key.name}: ${String(error)}`);
        else if ((error as { code?: number }).code === 409) queue.add(`${key.namespace}/${key.name}`, key);
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => {
      if (event.resource === DEPLOYMENTS && event.type !== 'DELETED') {
        const { namespace = '', name = '' } = event.object.metadata;
        queue.add(`${namespace}/${name}`, { namespace, name });
      } else if (event.resource === RS) {
        const owner = event.object.metadata.ownerReferences?.find(
          (r) => r.controller === true && r.kind === 'Deployment',
        );
        if (!owner) return;
        const namespace = event.object.metadata.namespace ?? '';
        queue.add(`${namespace}/${owner.name}`, { namespace, name: owner.name });
      }
    });
    for (const d of ctx.store.list(DEPLOYMENTS)) {
      const { namespace = '', name = '' } = d.metadata;
      queue.add(`${namespace}/${name}`, { namespace, name });
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue?.stop();
  }

  private scaleRs(
    ctx: ControllerContext,
    deployment: KObject,
    rs: KObject,
    to: number,
    maxReplicas: number,
  ): KObject {
    const from = specReplicas(rs);
    const annotations = { ...(rs.metadata.annotations ?? {}) };
    const desired = String(specReplicas(deployment));
    if (from === to && annotations[DESIRED] === desired && annotations[MAX] === String(maxReplicas))
      return rs;
    annotations[DESIRED] = desired;
    annotations[MAX] = String(maxReplicas);
    const next = clone(rs);
    next.metadata.annotations = annotations;
    (next.spec as JsonObject).replicas = to;
    const stored = ctx.service.update(
      replicaSetResource,
      rs.metadata.namespace,
      rs.metadata.name ?? '',
      next,
    );
    if (from !== to) {
      this.recorder?.event(
        objectRef(deploymentResource, deployment),
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name ?? ''} from ${from} to ${to}`,
      );
    }
    return stored;
  }

  private reconcile(ctx: ControllerContext, key: Key): void {
    const stored = ctx.store.peek(DEPLOYMENTS, key.namespace, key.name);
    if (!stored || stored.metadata.deletionTimestamp) return;
    let deployment: KObject = stored;
    const uid = deployment.metadata.uid ?? '';
    const desired = specReplicas(deployment);
    const template = getPath(deployment, ['spec', 'template']);
    const hash = templateHash(template);
    const owned = ctx.store
      .list(RS, key.namespace)
      .filter((rs) => controllerUid(rs) === uid)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    const existing = owned.find((rs) => rs.metadata.labels?.[POD_TEMPLATE_HASH] === hash);
    let olds = owned.filter((rs) => rs !== existing);
    let newRs: KObject;
    const recreate = getPath(deployment, ['spec', 'strategy', 'type']) === 'Recreate';
    const { surge, unavailable } = recreate
      ? { surge: 0, unavailable: desired }
      : rollingParameters(deployment, desired);
    const oldSpecTotal = olds.reduce((n, rs) => n + specReplicas(rs), 0);
    const oldPods = olds.reduce((n, rs) => n + statusNumber(rs, 'replicas'), 0);
    let createdNew = false;

    if (!existing) {
      const revision = Math.max(0, ...owned.map(revisionOf)) + 1;
      let replicas: number;
      if (recreate) replicas = oldPods > 0 || oldSpecTotal > 0 ? 0 : desired;
      else
        replicas =
          oldSpecTotal === 0 ? desired : Math.min(desired, Math.max(0, desired + surge - oldSpecTotal));
      const t = isObject(template) ? clone(template) : {};
      const meta = isObject(t.metadata) ? t.metadata : (t.metadata = {});
      const labels = {
        ...(isObject(meta.labels) ? (meta.labels as Record<string, string>) : {}),
        [POD_TEMPLATE_HASH]: hash,
      };
      meta.labels = labels;
      const selector = clone(getPath(deployment, ['spec', 'selector']) ?? {}) as JsonObject;
      selector.matchLabels = {
        ...(isObject(selector.matchLabels) ? selector.matchLabels : {}),
        [POD_TEMPLATE_HASH]: hash,
      };
      const name = `${key.name}-${hash}`;
      newRs = ctx.service.create(replicaSetResource, key.namespace, {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name,
          namespace: key.namespace,
          labels,
          annotations: {
            [DESIRED]: String(desired),
            [MAX]: String(desired + surge),
            [REVISION]: String(revision),
          },
          ownerReferences: [controllerRef(deploymentResource, deployment)],
        },
        spec: {
          replicas,
          ...(getPath(deployment, ['spec', 'minReadySeconds']) !== undefined
            ? { minReadySeconds: getPath(deployment, ['spec', 'minReadySeconds']) }
            : {}),
          selector,
          template: t,
        },
      });
      createdNew = true;
      if (replicas > 0) {
        this.recorder?.event(
          objectRef(deploymentResource, deployment),
          'Normal',
          'ScalingReplicaSet',
          `Scaled up replica set ${name} from 0 to ${replicas}`,
        );
      }
    } else {
      newRs = existing;
      let target: number;
      const newSpec = specReplicas(newRs);
      if (recreate) target = oldPods > 0 || oldSpecTotal > 0 ? newSpec : desired;
      else if (oldSpecTotal === 0) target = desired;
      else {
        const allowed = desired + surge;
        const current = oldSpecTotal + newSpec;
        target = Math.min(desired, newSpec + Math.max(0, allowed - current));
        if (newSpec > desired) target = desired;
      }
      newRs = this.scaleRs(ctx, deployment, newRs, target, desired + surge);
    }

    // Old ReplicaSets go down as the new pods become available (all at once with Recreate).
    if (olds.some((rs) => specReplicas(rs) > 0)) {
      const all = [newRs, ...olds];
      const available = all.reduce((n, rs) => n + statusNumber(rs, 'availableReplicas'), 0);
      const newSpec = specReplicas(newRs);
      const newUnavailable = Math.max(0, newSpec - statusNumber(newRs, 'availableReplicas'));
      const allPods = all.reduce((n, rs) => n + specReplicas(rs), 0);
      const minAvailable = desired - unavailable;
      let budget = recreate ? Number.MAX_SAFE_INTEGER : Math.max(0, allPods - minAvailable - newUnavailable);
      // Unhealthy old pods can go first without hurting availability.
      let healthyBudget = recreate ? Number.MAX_SAFE_INTEGER : Math.max(0, available - minAvailable);
      olds = olds.map((rs) => {
        const spec = specReplicas(rs);
        if (spec === 0 || budget <= 0) return rs;
        const unhealthy = Math.max(0, spec - statusNumber(rs, 'availableReplicas'));
        const fromUnhealthy = Math.min(unhealthy, budget);
        const fromHealthy = Math.min(
          spec - fromUnhealthy,
          Math.max(0, Math.min(budget - fromUnhealthy, healthyBudget)),
        );
        const remove = fromUnhealthy + fromHealthy;
        if (remove === 0) return rs;
        budget -= remove;
        healthyBudget -= fromHealthy;
        return this.scaleRs(ctx, deployment, rs, spec - remove, desired + surge);
      });
    }

    // Status, from the ReplicaSets as stored now.
    const rsNow = ctx.store.scan(RS, key.namespace).filter((rs) => controllerUid(rs) === uid);
    const newNow = rsNow.find((rs) => rs.metadata.name === newRs.metadata.name) ?? newRs;
    const sum = (field: string): number => rsNow.reduce((n, rs) => n + statusNumber(rs, field), 0);
    const available = sum('availableReplicas');
    const specTotal = rsNow.reduce((n, rs) => n + specReplicas(rs), 0);
    const replicas = sum('replicas');
    const updated = statusNumber(newNow, 'replicas');
    const nowMs = ctx.clock.now().getTime();
    let conditions = conditionsOf(deployment);
    conditions = setCondition(
      conditions,
      available >= desired - unavailable
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
      nowMs,
      true,
    );
    const rsName = newNow.metadata.name ?? '';
    const complete =
      updated === desired &&
      replicas === desired &&
      available === desired &&
      rsNow.every((rs) => rs === newNow || specReplicas(rs) === 0);
    conditions = setCondition(
      conditions,
      createdNew
        ? {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetCreated',
            message: `Created new replica set "${rsName}"`,
          }
        : complete
          ? {
              type: 'Progressing',
              status: 'True',
              reason: 'NewReplicaSetAvailable',
              message: `ReplicaSet "${rsName}" has successfully progressed.`,
            }
          : {
              type: 'Progressing',
              status: 'True',
              reason: 'ReplicaSetUpdated',
              message: `ReplicaSet "${rsName}" is progressing.`,
            },
      nowMs,
      true,
    );
    const status: JsonObject = omitZero({
      observedGeneration: deployment.metadata.generation ?? 1,
      replicas,
      updatedReplicas: updated,
      readyReplicas: sum('readyReplicas'),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, specTotal - available),
    });
    status.conditions = conditions;
    const revision = asString(newNow.metadata.annotations?.[REVISION]);
    if (revision && deployment.metadata.annotations?.[REVISION] !== revision) {
      const next = clone(deployment);
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [REVISION]: revision };
      deployment = ctx.service.update(deploymentResource, key.namespace, key.name, next);
    }
    writeStatus(ctx.service, deploymentResource, deployment, status);
  }
}

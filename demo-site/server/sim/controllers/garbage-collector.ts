/**
 * The garbage collector (kube-controller-manager's), over every kind in the store:
 * - an object whose owners are all gone (or were never there: unknown uid, uid of another object
 *   with that name, a namespaced owner in another namespace) is deleted, asynchronously
 *   (Background); references to absent owners next to a live owner are removed instead;
 * - an owner deleted in the Foreground (`foregroundDeletion` finalizer) has its dependents deleted
 *   (in the Foreground themselves when they have dependents) and keeps its finalizer until no
 *   dependent with `blockOwnerDeletion` is left;
 * - an owner deleted with Orphan (`orphan` finalizer) has its references removed from every
 *   dependent, then loses the finalizer.
 * Owners are resolved by apiVersion group + kind through the registry; a reference to a kind that
 * is not served, or a cluster-scoped object naming a namespaced owner, is left alone (the real
 * collector cannot resolve those either). Writes go through the service, like a client's.
 */
import type { OwnerReference } from '../../../../components/src/core/kube/types.ts';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER, type PropagationPolicy } from '../api/propagation.ts';
import { isApiError } from '../core/errors.ts';
import { clone } from '../core/json.ts';
import { fromStorage, storageKey, type KObject, type ResourceDef } from '../registry/types.ts';
import type { StoreEvent } from '../store/store.ts';
import { WorkQueue, type Controller, type ControllerContext } from './controller.ts';

/** What the collector uses of the controller context. */
export type GarbageCollectorContext = Pick<ControllerContext, 'store' | 'service' | 'registry' | 'log'>;

/** One object, as the collector's graph knows it. */
interface GraphNode {
  /** Storage key of its resource. */
  resource: string;
  namespace: string | undefined;
  name: string;
  uid: string;
  owners: readonly OwnerReference[];
  deletingDependents: boolean;
}

type Operation = 'attemptToDelete' | 'processDeletingDependents' | 'orphanDependents';

interface WorkItem {
  op: Operation;
  node: GraphNode;
}

function hasFinalizer(object: KObject, finalizer: string): boolean {
  return (object.metadata.finalizers ?? []).includes(finalizer);
}

function isDeletingDependents(object: KObject): boolean {
  return !!object.metadata.deletionTimestamp && hasFinalizer(object, FOREGROUND_FINALIZER);
}

function isOrphaning(object: KObject): boolean {
  return !!object.metadata.deletionTimestamp && hasFinalizer(object, ORPHAN_FINALIZER);
}

function ownersOf(object: KObject): readonly OwnerReference[] {
  const refs = object.metadata.ownerReferences;
  return Array.isArray(refs) ? refs.filter((r) => typeof r?.uid === 'string') : [];
}

function groupOf(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

function sameOwners(a: readonly OwnerReference[], b: readonly OwnerReference[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (r, i) =>
        r.uid === b[i]?.uid && (r.blockOwnerDeletion ?? false) === (b[i]?.blockOwnerDeletion ?? false),
    )
  );
}

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  private queue: WorkQueue<WorkItem> | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Every object by uid. */
  private readonly nodes = new Map<string, GraphNode>();
  /** Owner uid → uids of the objects that reference it. */
  private readonly dependents = new Map<string, Set<string>>();

  start(ctx: GarbageCollectorContext): void {
    const queue = new WorkQueue<WorkItem>(
      (item) => this.process(ctx, item),
      (error, item) => {
        // A write lost a race with another client: look again with the latest state.
        if (isApiError(error) && error.code === 409) queue.add(this.itemKey(item), item);
        else if (!isApiError(error) || error.code !== 404) {
          ctx.log(
            `${this.name}: ${item.op} ${item.node.namespace ?? ''}/${item.node.name}: ${String(error)}`,
          );
        }
      },
    );
    this.queue = queue;
    this.unsubscribe = ctx.store.subscribe((event) => this.observe(event));
    // The graph of what is already stored; dangling references among it are collected too.
    const seen = new Set<string>();
    for (const def of ctx.registry.all()) {
      const key = storageKey(def);
      if (seen.has(key)) continue;
      seen.add(key);
      for (const object of ctx.store.list(key)) this.observe({ type: 'ADDED', resource: key, rv: 0, object });
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.queue?.stop();
    this.queue = undefined;
    this.nodes.clear();
    this.dependents.clear();
  }

  // -------------------------------------------------------------------------------------------
  // The graph (kept in step with the store, synchronously)

  private observe(event: StoreEvent): void {
    const { object } = event;
    const uid = object.metadata.uid;
    if (!uid) return;
    const previous = this.nodes.get(uid);
    if (event.type === 'DELETED') {
      if (!previous) return;
      this.unlink(previous);
      this.nodes.delete(uid);
      // Its dependents may have lost their last owner; a foreground owner may be unblocked.
      for (const dep of this.dependents.get(uid) ?? []) this.enqueueUid('attemptToDelete', dep);
      for (const ref of previous.owners) this.enqueueIfDeletingDependents(ref.uid);
      return;
    }
    const node: GraphNode = {
      resource: event.resource,
      namespace: object.metadata.namespace,
      name: object.metadata.name ?? '',
      uid,
      owners: ownersOf(object),
      deletingDependents: isDeletingDependents(object),
    };
    const ownersChanged = !previous || !sameOwners(previous.owners, node.owners);
    if (previous) this.unlink(previous);
    this.nodes.set(uid, node);
    for (const ref of node.owners) {
      let set = this.dependents.get(ref.uid);
      if (!set) {
        set = new Set();
        this.dependents.set(ref.uid, set);
      }
      set.add(uid);
    }
    if (ownersChanged) {
      // New references are checked (absent owners → collect); owners whose blocking dependents
      // changed may be free to go.
      if (node.owners.length > 0) this.enqueue('attemptToDelete', node);
      for (const ref of previous?.owners ?? []) this.enqueueIfDeletingDependents(ref.uid);
      for (const ref of node.owners) this.enqueueIfDeletingDependents(ref.uid);
    }
    if (node.deletingDependents && !previous?.deletingDependents) {
      this.enqueue('processDeletingDependents', node);
      for (const dep of this.dependents.get(uid) ?? []) this.enqueueUid('attemptToDelete', dep);
    }
    if (isOrphaning(object)) this.enqueue('orphanDependents', node);
  }

  private unlink(node: GraphNode): void {
    for (const ref of node.owners) {
      const set = this.dependents.get(ref.uid);
      set?.delete(node.uid);
      if (set?.size === 0) this.dependents.delete(ref.uid);
    }
  }

  private enqueueIfDeletingDependents(uid: string): void {
    const owner = this.nodes.get(uid);
    if (owner?.deletingDependents) this.enqueue('processDeletingDependents', owner);
  }

  private enqueueUid(op: Operation, uid: string): void {
    const node = this.nodes.get(uid);
    if (node) this.enqueue(op, node);
  }

  private enqueue(op: Operation, node: GraphNode): void {
    const item = { op, node };
    this.queue?.add(this.itemKey(item), item);
  }

  private itemKey(item: WorkItem): string {
    return `${item.op}|${item.node.uid}`;
  }

  // -------------------------------------------------------------------------------------------
  // The work (on a later macrotask, with the latest stored state)

  private process(ctx: GarbageCollectorContext, item: WorkItem): void {
    const latest = this.latest(ctx, item.node);
    if (!latest) return;
    switch (item.op) {
      case 'attemptToDelete':
        this.attemptToDelete(ctx, item.node, latest);
        return;
      case 'processDeletingDependents':
        this.processDeletingDependents(ctx, item.node, latest);
        return;
      case 'orphanDependents':
        this.orphanDependents(ctx, item.node, latest);
        return;
    }
  }

  /** The stored object the node stands for, if it is still the same object (same uid). */
  private latest(ctx: GarbageCollectorContext, node: GraphNode): KObject | undefined {
    const object = ctx.store.get(node.resource, node.namespace, node.name);
    return object?.metadata.uid === node.uid ? object : undefined;
  }

  private defOf(ctx: GarbageCollectorContext, resource: string): ResourceDef | undefined {
    return ctx.registry.all().find((def) => storageKey(def) === resource);
  }

  /** `solid`: exists with that uid and is not deleting in the Foreground; `waiting`: deleting in the Foreground. */
  private classify(
    ctx: GarbageCollectorContext,
    node: GraphNode,
    ref: OwnerReference,
  ): 'solid' | 'dangling' | 'waiting' | 'unresolvable' {
    const { group, version } = groupOf(ref.apiVersion ?? '');
    const candidates = ctx.registry.all().filter((d) => d.group === group && d.kind === ref.kind);
    const def = candidates.find((d) => d.version === version) ?? candidates[0];
    if (!def) return 'unresolvable';
    if (def.namespaced && node.namespace === undefined) return 'unresolvable';
    const owner = ctx.store.get(storageKey(def), def.namespaced ? node.namespace : undefined, ref.name ?? '');
    if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
    return isDeletingDependents(owner) ? 'waiting' : 'solid';
  }

  private attemptToDelete(ctx: GarbageCollectorContext, node: GraphNode, latest: KObject): void {
    if (latest.metadata.deletionTimestamp) {
      if (isDeletingDependents(latest)) this.processDeletingDependents(ctx, node, latest);
      return;
    }
    const owners = ownersOf(latest);
    if (owners.length === 0) return;
    const classes = owners.map((ref) => this.classify(ctx, node, ref));
    const def = this.defOf(ctx, node.resource);
    // An owner that cannot be looked up leaves the object alone, as the real collector does.
    if (!def || classes.includes('unresolvable')) return;
    if (classes.includes('solid')) {
      // A live owner keeps the object; references to absent or foreground-deleting owners go.
      const keep = owners.filter((_, i) => classes[i] === 'solid');
      if (keep.length === owners.length) return;
      const next = clone(fromStorage(def, latest));
      next.metadata.ownerReferences = keep;
      ctx.service.update(def, node.namespace, node.name, next);
      return;
    }
    const waiting = classes.includes('waiting');
    const hasDependents = (this.dependents.get(node.uid)?.size ?? 0) > 0;
    let policy: PropagationPolicy;
    if (waiting && hasDependents) policy = 'Foreground';
    else if (hasFinalizer(latest, ORPHAN_FINALIZER)) policy = 'Orphan';
    else if (hasFinalizer(latest, FOREGROUND_FINALIZER)) policy = 'Foreground';
    else policy = 'Background';
    ctx.log(`${this.name}: deleting ${node.resource} ${node.namespace ?? ''}/${node.name} (${policy})`);
    ctx.service.delete(def, node.namespace, node.name, {
      propagationPolicy: policy,
      preconditions: { uid: node.uid, resourceVersion: latest.metadata.resourceVersion },
    });
  }

  /** A foreground owner goes once no dependent blocks it; until then its blocking dependents are deleted. */
  private processDeletingDependents(ctx: GarbageCollectorContext, node: GraphNode, latest: KObject): void {
    if (!isDeletingDependents(latest)) return;
    const blocking: GraphNode[] = [];
    for (const uid of this.dependents.get(node.uid) ?? []) {
      const dep = this.nodes.get(uid);
      if (dep?.owners.some((r) => r.uid === node.uid && r.blockOwnerDeletion === true)) blocking.push(dep);
    }
    if (blocking.length === 0) {
      this.removeFinalizer(ctx, node, latest, FOREGROUND_FINALIZER);
      return;
    }
    for (const dep of blocking) if (!dep.deletingDependents) this.enqueue('attemptToDelete', dep);
  }

  /** Orphan: every dependent loses its reference to this owner, then the owner its finalizer. */
  private orphanDependents(ctx: GarbageCollectorContext, node: GraphNode, latest: KObject): void {
    if (!isOrphaning(latest)) return;
    for (const uid of [...(this.dependents.get(node.uid) ?? [])]) {
      const dep = this.nodes.get(uid);
      if (!dep) continue;
      const depLatest = this.latest(ctx, dep);
      const def = this.defOf(ctx, dep.resource);
      if (!depLatest || !def) continue;
      const next = clone(fromStorage(def, depLatest));
      const refs = ownersOf(depLatest).filter((r) => r.uid !== node.uid);
      if (refs.length > 0) next.metadata.ownerReferences = refs;
      else delete next.metadata.ownerReferences;
      ctx.service.update(def, dep.namespace, dep.name, next);
    }
    this.removeFinalizer(ctx, node, latest, ORPHAN_FINALIZER);
  }

  private removeFinalizer(
    ctx: GarbageCollectorContext,
    node: GraphNode,
    latest: KObject,
    finalizer: string,
  ): void {
    const def = this.defOf(ctx, node.resource);
    if (!def) return;
    const next = clone(fromStorage(def, latest));
    next.metadata.finalizers = (latest.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    ctx.service.update(def, node.namespace, node.name, next);
  }
}

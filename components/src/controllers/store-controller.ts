import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ResourceType } from '../core/kube/resource.js';
import { kedaStoreContext } from '../context/contexts.js';
import type { KedaStore } from '../data/keda-store.js';

type Host = ReactiveControllerHost & HTMLElement;

/** A resource type an element needs watched, in one namespace or (without one) everywhere. */
export interface StoreNeed {
  type: ResourceType;
  namespace?: string;
}

/**
 * Connects an element to the KedaStore: from an explicit `store` (set with `use()`), else from the
 * nearest `<keda-connection>`. Keeps what the element needs watched while it is connected, and
 * re-renders it after each (coalesced) store change.
 */
export class StoreController implements ReactiveController {
  private explicit: KedaStore | undefined;
  private fromContext: KedaStore | undefined;
  private attached: KedaStore | undefined;
  private unsubscribe: (() => void) | undefined;
  private needs: readonly StoreNeed[];
  private retained = new Map<string, () => void>();

  constructor(
    private readonly host: Host,
    needs: ReadonlyArray<ResourceType | StoreNeed>,
  ) {
    this.needs = needs.map((n) => ('type' in n ? n : { type: n }));
    host.addController(this);
    new ContextConsumer(host, {
      context: kedaStoreContext,
      subscribe: true,
      callback: (store) => {
        this.fromContext = store;
        this.sync();
      },
    });
  }

  /** The store in use, if any. */
  get store(): KedaStore | undefined {
    return this.attached;
  }

  /** Prefer this store over the context's (for hosts that wire stores by hand). */
  use(store: KedaStore | undefined): void {
    this.explicit = store;
    this.sync();
  }

  /** Replaces what is watched (e.g. when a details view moves to another namespace). */
  need(needs: readonly StoreNeed[]): void {
    this.needs = needs;
    if (this.attached) this.retainNeeds(this.attached);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.detach();
  }

  private sync(): void {
    const wanted = this.host.isConnected ? (this.explicit ?? this.fromContext) : undefined;
    if (wanted === this.attached) return;
    this.detach();
    if (!wanted) return;
    this.attached = wanted;
    this.retainNeeds(wanted);
    this.unsubscribe = wanted.subscribe(() => this.host.requestUpdate());
    this.host.requestUpdate();
  }

  private retainNeeds(store: KedaStore): void {
    const next = new Map<string, () => void>();
    for (const need of this.needs) {
      const key = `${need.type.group}/${need.type.plural}@${need.namespace ?? '*'}`;
      next.set(key, this.retained.get(key) ?? store.retain(need.type, { namespace: need.namespace }));
    }
    for (const [key, release] of this.retained) if (!next.has(key)) release();
    this.retained = next;
  }

  private detach(): void {
    for (const release of this.retained.values()) release();
    this.retained.clear();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.attached) this.host.requestUpdate();
    this.attached = undefined;
  }
}

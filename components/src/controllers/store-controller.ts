import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ResourceType } from '../core/kube/resource.js';
import { kedaStoreContext } from '../context/contexts.js';
import type { KedaStore } from '../data/keda-store.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Connects an element to the KedaStore: from an explicit `store` (set with `use()`), else from the
 * nearest `<keda-connection>`. Keeps the element's resource types watched while it is connected and
 * re-renders it after each (coalesced) store change.
 */
export class StoreController implements ReactiveController {
  private explicit: KedaStore | undefined;
  private fromContext: KedaStore | undefined;
  private attached: KedaStore | undefined;
  private releases: Array<() => void> = [];

  constructor(
    private readonly host: Host,
    private readonly types: readonly ResourceType[],
  ) {
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
    this.releases = this.types.map((type) => wanted.retain(type));
    this.releases.push(wanted.subscribe(() => this.host.requestUpdate()));
    this.host.requestUpdate();
  }

  private detach(): void {
    for (const release of this.releases) release();
    this.releases = [];
    if (this.attached) this.host.requestUpdate();
    this.attached = undefined;
  }
}

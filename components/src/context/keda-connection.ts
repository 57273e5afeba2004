import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { HttpKubeClient } from '../data/http-kube-client.js';
import { KedaStore } from '../data/keda-store.js';
import type { KubeClient } from '../data/kube-client.js';
import { kedaStoreContext, linksContext, type LinkResolver } from './contexts.js';

/**
 * Connects the `keda-*` elements inside it to one cluster. Give it either a `base-url` (any URL
 * that serves the Kubernetes API: a proxy path such as `/clusters/prod`) or a `client` (a host's own
 * transport, such as the Headlamp plugin's). It owns the data store its descendants render.
 *
 * @slot - The `keda-*` elements that show this cluster.
 */
export class KedaConnection extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the Kubernetes API (ignored when `client` is set). */
  @property({ attribute: 'base-url' }) baseUrl: string | undefined;

  /** A host-provided transport; takes precedence over `base-url`. */
  @property({ attribute: false }) client: KubeClient | undefined;

  /** Limit every watch to this namespace (for users who may not list cluster-wide). */
  @property() namespace: string | undefined;

  /** `websocket` (default) or `chunked` watches when connecting by `base-url`. */
  @property({ attribute: 'watch-transport' }) watchTransport: 'websocket' | 'chunked' | undefined;

  @provide({ context: kedaStoreContext })
  store: KedaStore | undefined;

  /** How views turn object references into links; unset means plain text. */
  @provide({ context: linksContext })
  @property({ attribute: false })
  links: LinkResolver | undefined;

  /** The settings the current store was made with, to replace it only when they change. */
  private storeInputs: readonly unknown[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store?.dispose();
    this.store = undefined;
    this.storeInputs = [];
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (this.isConnected) this.syncStore();
  }

  private syncStore(): void {
    const inputs = [this.client, this.baseUrl, this.namespace, this.watchTransport];
    if (this.store && inputs.every((value, i) => value === this.storeInputs[i])) return;
    this.storeInputs = inputs;
    this.store?.dispose();
    const client =
      this.client ??
      (this.baseUrl !== undefined
        ? new HttpKubeClient(this.baseUrl, this.watchTransport ? { watchTransport: this.watchTransport } : {})
        : undefined);
    this.store = client ? new KedaStore(client, { namespace: this.namespace || undefined }) : undefined;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-connection': KedaConnection;
  }
}

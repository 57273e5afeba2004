import { NamespaceResource, type KedaConnection, type KedaStore, type KubeObject } from 'keda-elements';

/**
 * The top bar's namespace picker: the cluster's namespaces (watched through the connection's
 * store), "All namespaces", and the URL's `ns` when it names several. Choosing calls `onPick`.
 */
export class NamespacePicker {
  private store: KedaStore | undefined;
  private release: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private names: string[] = [];
  private selected: string[] = [];
  /** Why the page's objects have no namespace (a cluster-scoped kind's list), else undefined. */
  private clusterScoped: string | undefined;

  constructor(
    private readonly select: HTMLSelectElement,
    private readonly connection: KedaConnection,
    onPick: (namespaces: string) => void,
  ) {
    select.addEventListener('change', () => onPick(select.value));
  }

  /**
   * Follows the connection's store (it changes with the cluster) and shows `namespaces` as chosen;
   * on a cluster-scoped kind's page (`clusterScoped` names it) the picker does not apply and says so.
   */
  sync(namespaces: readonly string[], clusterScoped?: string): void {
    this.selected = [...namespaces];
    this.clusterScoped = clusterScoped;
    const store = this.connection.store;
    if (store !== this.store) {
      this.release?.();
      this.unsubscribe?.();
      this.store = store;
      this.names = [];
      if (store) {
        this.release = store.retain(NamespaceResource);
        this.unsubscribe = store.subscribe(() => this.refresh());
      }
    }
    this.refresh(true);
  }

  private refresh(force = false): void {
    const items = this.store?.collection<KubeObject>(NamespaceResource).items ?? [];
    const names = items
      .map((n) => n.metadata.name ?? '')
      .filter(Boolean)
      .sort();
    if (!force && names.join() === this.names.join()) return;
    this.names = names;
    this.select.disabled = this.clusterScoped !== undefined;
    this.select.title = this.clusterScoped
      ? `${this.clusterScoped} are cluster-scoped: no namespace applies`
      : '';
    if (this.clusterScoped) {
      this.select.replaceChildren(new Option('Cluster-scoped', ''));
      return;
    }
    const options: HTMLOptionElement[] = [new Option('All namespaces', '')];
    const value = this.selected.join(',');
    if (this.selected.length > 1) options.push(new Option(`${this.selected.length} namespaces`, value));
    for (const name of new Set([...names, ...(this.selected.length === 1 ? this.selected : [])])) {
      options.push(new Option(name, name));
    }
    this.select.replaceChildren(...options);
    this.select.value = value;
  }
}

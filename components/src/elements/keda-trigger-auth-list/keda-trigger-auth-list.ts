import { LitElement, type TemplateResult, html } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import {
  ClusterTriggerAuthenticationResource,
  TriggerAuthenticationResource,
} from '../../core/kube/resource.js';
import {
  clusterTriggerAuthListColumns,
  triggerAuthFilterKeys,
  triggerAuthListColumns,
  triggerAuthListRow,
  triggerAuthSelection,
  type TriggerAuthColumnId,
  type TriggerAuthListRow,
} from '../../core/keda/trigger-auth-table.js';
import type { TriggerAuthentication } from '../../core/keda/types.js';
import { linksContext, type LinkResolver } from '../../context/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ClockController } from '../../controllers/clock-controller.js';
import type { KedaStore } from '../../data/keda-store.js';
import { themeStyles } from '../../styles/theme.js';
import { ListViewController, type ListCluster } from '../shared/list-view.js';
import { bulkActionsFor } from '../../core/keda/actions.js';
import { listStyles } from '../shared/list-view.styles.js';
import { ageCell, nameCell, textCell } from '../shared/cells.js';
import { namespacesConverter } from '../shared/converters.js';
import type { Fit } from '../../controllers/header-columns.js';

type Kind = 'TriggerAuthentication' | 'ClusterTriggerAuthentication';

function triggerAuthView(
  host: TriggerAuthList | ClusterTriggerAuthList,
  kind: Kind,
  columns: typeof triggerAuthListColumns,
  renderCell: (
    id: TriggerAuthColumnId,
    row: TriggerAuthListRow,
    now: number,
    links: LinkResolver | undefined,
    fit: Fit,
  ) => TemplateResult,
  store: () => KedaStore | undefined,
) {
  const cluster = kind === 'ClusterTriggerAuthentication';
  return new ListViewController<TriggerAuthentication, TriggerAuthListRow, TriggerAuthColumnId>(
    host,
    {
      singular: kind,
      plural: `${kind}s`,
      resource: cluster ? 'clustertriggerauthentications.keda.sh' : 'triggerauthentications.keda.sh',
      type: cluster ? ClusterTriggerAuthenticationResource : TriggerAuthenticationResource,
      collection: (s) => (cluster ? s.clusterTriggerAuthentications : s.triggerAuthentications),
      namespaced: !cluster,
      columns,
      defaultSort: { column: cluster ? 'name' : 'namespace', direction: 'asc' },
      filterKeys: triggerAuthFilterKeys,
      filterPlaceholder: cluster
        ? 'Filter: name, secret:rabbitmq-secret, identity:aws, so:orders…'
        : 'Filter: name, ns:prod, secret:rabbitmq-secret, identity:azure-workload, so:orders…',
      selection: triggerAuthSelection,
      toRow: triggerAuthListRow,
      renderCell,
      emptyHint: html`A ${kind} tells KEDA where a trigger's credentials come from (Secrets, env, pod
      identity, Vault) without putting them in the ScaledObject.`,
      bulkActions: bulkActionsFor(kind),
      deleteNote: `ScaledObjects and ScaledJobs that still reference a deleted ${kind} lose their credentials: KEDA reports their triggers as failing.`,
    },
    store,
  );
}

function renderTriggerAuthCell(
  kind: Kind,
  links: LinkResolver | undefined,
  id: TriggerAuthColumnId,
  row: TriggerAuthListRow,
  now: number,
  fit: Fit,
): TemplateResult {
  if (id === 'age') return ageCell(row.created, now);
  if (id === 'name') {
    return nameCell(
      { kind, apiVersion: 'keda.sh/v1alpha1', namespace: row.namespace || undefined, name: row.name },
      links,
      fit,
    );
  }
  return textCell(row[id], { fit });
}

/**
 * Every TriggerAuthentication the connection can see, with the Secrets, env and pod identity they
 * draw on (names only: values are never read) and the ScaledObjects and ScaledJobs that use them.
 *
 * Selected rows can be deleted together, after a confirmation naming them.
 *
 * @fires keda-list-change - The user changed the filter, sort or namespaces (`ListViewState`).
 * @fires keda-bulk-action - A bulk delete finished (`BulkActionDetail`).
 * @csspart toolbar - The filter and namespace controls.
 * @csspart status - The connection state line.
 * @csspart table - The table.
 * @csspart message - The loading, empty or error message.
 */
export class TriggerAuthList extends LitElement {
  static override styles = [themeStyles, listStyles()];

  /** Filter text: words and `key:value` terms (name, ns, secret, env, identity, so, sj). */
  @property() filter = '';
  /** Sort column id, `-id` for descending. */
  @property() sort = 'namespace';
  /** Namespaces to show; all when empty. As an attribute: comma-separated. */
  @property({ converter: namespacesConverter }) namespaces: string[] = [];

  /** Several clusters at once: adds a CLUSTER column (`cluster:<name>` filter). Empty: own store. */
  @property({ attribute: false }) clusters: ListCluster[] = [];

  /** An explicit store; by default the one of the enclosing `<keda-connection>`. */
  @property({ attribute: false })
  set store(store: KedaStore | undefined) {
    this.data.use(store);
  }
  get store(): KedaStore | undefined {
    return this.data.store;
  }

  @consume({ context: linksContext, subscribe: true })
  private links: LinkResolver | undefined;

  private readonly data = new StoreController(this, [TriggerAuthenticationResource]);
  private readonly clock = new ClockController(this, 1000);
  private readonly view = triggerAuthView(
    this,
    'TriggerAuthentication',
    triggerAuthListColumns,
    (id, row, now, links, fit) =>
      renderTriggerAuthCell('TriggerAuthentication', links ?? this.links, id, row, now, fit),
    () => this.data.store,
  );

  protected override render(): TemplateResult {
    return this.view.render(this.clock.now());
  }
}

/**
 * Every ClusterTriggerAuthentication (cluster-scoped), like `keda-trigger-auth-list`, plus FILEPATH.
 *
 * Selected rows can be deleted together, after a confirmation naming them.
 *
 * @fires keda-list-change - The user changed the filter or sort (`ListViewState`).
 * @fires keda-bulk-action - A bulk delete finished (`BulkActionDetail`).
 * @csspart toolbar - The filter controls.
 * @csspart status - The connection state line.
 * @csspart table - The table.
 * @csspart message - The loading, empty or error message.
 */
export class ClusterTriggerAuthList extends LitElement {
  static override styles = [themeStyles, listStyles()];

  /** Filter text: words and `key:value` terms (name, secret, env, identity, so, sj). */
  @property() filter = '';
  /** Sort column id, `-id` for descending. */
  @property() sort = 'name';
  /** Unused: cluster-scoped. Kept so hosts can treat every list alike. */
  @property({ converter: namespacesConverter }) namespaces: string[] = [];

  /** Several clusters at once: adds a CLUSTER column (`cluster:<name>` filter). Empty: own store. */
  @property({ attribute: false }) clusters: ListCluster[] = [];

  /** An explicit store; by default the one of the enclosing `<keda-connection>`. */
  @property({ attribute: false })
  set store(store: KedaStore | undefined) {
    this.data.use(store);
  }
  get store(): KedaStore | undefined {
    return this.data.store;
  }

  @consume({ context: linksContext, subscribe: true })
  private links: LinkResolver | undefined;

  private readonly data = new StoreController(this, [ClusterTriggerAuthenticationResource]);
  private readonly clock = new ClockController(this, 1000);
  private readonly view = triggerAuthView(
    this,
    'ClusterTriggerAuthentication',
    clusterTriggerAuthListColumns,
    (id, row, now, links, fit) =>
      renderTriggerAuthCell('ClusterTriggerAuthentication', links ?? this.links, id, row, now, fit),
    () => this.data.store,
  );

  protected override render(): TemplateResult {
    return this.view.render(this.clock.now());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-trigger-auth-list': TriggerAuthList;
    'keda-cluster-trigger-auth-list': ClusterTriggerAuthList;
  }
}

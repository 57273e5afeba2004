import { LitElement, type TemplateResult, html } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { HorizontalPodAutoscalerResource, ScaledObjectResource } from '../../core/kube/resource.js';
import type { HorizontalPodAutoscaler } from '../../core/kube/autoscaling.js';
import { managedHpaKey } from '../../core/keda/managed-hpa.js';
import type { InformerState } from '../../data/informer.js';
import { humanDuration } from '../../core/kube/age.js';
import {
  scaledObjectFilterKeys,
  scaledObjectListColumns,
  scaledObjectListRow,
  scaledObjectSelection,
  type ScaledObjectListColumnId,
  type ScaledObjectListRow,
} from '../../core/keda/scaled-object-table.js';
import type { ScaledObject } from '../../core/keda/types.js';
import { linksContext, type LinkResolver } from '../../context/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ClockController } from '../../controllers/clock-controller.js';
import type { KedaStore } from '../../data/keda-store.js';
import { themeStyles } from '../../styles/theme.js';
import {
  ListViewController,
  type BulkActionDetail,
  type ListCluster,
  type RelatedKind,
  type ListViewState,
} from '../shared/list-view.js';
import { bulkActionsFor } from '../../core/keda/actions.js';
import { listStyles } from '../shared/list-view.styles.js';
import {
  ageCell,
  conditionCell,
  nameCell,
  noneCell,
  stateCell,
  textCell,
  unknownYetCell,
} from '../shared/cells.js';
import { namespacesConverter } from '../shared/converters.js';
import type { Fit } from '../../controllers/header-columns.js';

/** The HPAs KEDA manages, whose replicas the REPLICAS column shows. */
const managedHpas: RelatedKind<ScaledObject, ScaledObjectListColumnId, HorizontalPodAutoscaler> = {
  type: HorizontalPodAutoscalerResource,
  columns: new Set(['replicas']),
  in: (store) => {
    const hpas = store.collection<HorizontalPodAutoscaler>(HorizontalPodAutoscalerResource);
    return { version: hpas.items, state: hpas.state, of: (so) => hpas.get?.(managedHpaKey(so)) };
  },
};

/**
 * Every ScaledObject the connection can see: kubectl's columns plus the state, kept live by a
 * watch; filter (`trigger:rabbitmq active:true ns:prod`), namespace choice and sort on every
 * column; only the visible rows are rendered, so 10,000 stay smooth.
 *
 * Rows can be selected (click, space, shift-click for a range, the header box for every shown row)
 * and paused, resumed, force-activated or deleted together, each through KEDA's annotations.
 *
 * @fires keda-list-change - The user changed the filter, sort or namespaces; `detail` is a
 *   `ListViewState` for the host to keep (in its URL, say).
 * @fires keda-bulk-action - A bulk action finished; `detail` (`BulkActionDetail`) lists what succeeded
 *   and what failed with the API's message.
 * @csspart toolbar - The filter and namespace controls.
 * @csspart status - The connection state line.
 * @csspart table - The table.
 * @csspart message - The loading, empty or error message.
 * @csspart bulk-bar - The selection count and bulk action buttons.
 * @csspart bulk-result - What the last bulk action did, failures with the API's message.
 * @csspart confirm - The delete confirmation dialog.
 * @cssprop --keda-fg - Text colour.
 * @cssprop --keda-bg - Background colour.
 * @cssprop --keda-muted - Secondary text colour.
 * @cssprop --keda-border - Border colour.
 * @cssprop --keda-accent - Link and focus colour.
 * @cssprop --keda-list-max-height - Height of the scrolling table (default 70vh).
 */
export class ScaledObjectList extends LitElement {
  static override styles = [themeStyles, listStyles()];

  /** Filter text: words and `key:value` terms (name, ns, target, kind, trigger, auth, state, ready, active, fallback, paused, forced). */
  @property() filter = '';

  /** Sort column id, `-id` for descending. */
  @property() sort = 'namespace';

  /** Namespaces to show; all when empty. As an attribute: comma-separated. */
  @property({ converter: namespacesConverter }) namespaces: string[] = [];

  /**
   * Several clusters at once (each with its own store and links): adds a CLUSTER column, filterable
   * with `cluster:<name>` and sortable. Empty (the default): the element's own store only.
   */
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

  private readonly data = new StoreController(this, [ScaledObjectResource, managedHpas.type]);
  private readonly clock = new ClockController(this, 1000);
  private readonly view = new ListViewController<
    ScaledObject,
    ScaledObjectListRow,
    ScaledObjectListColumnId,
    HorizontalPodAutoscaler
  >(
    this,
    {
      singular: 'ScaledObject',
      plural: 'ScaledObjects',
      resource: 'scaledobjects.keda.sh',
      type: ScaledObjectResource,
      collection: (store) => store.scaledObjects,
      namespaced: true,
      columns: scaledObjectListColumns,
      defaultSort: { column: 'namespace', direction: 'asc' },
      filterKeys: scaledObjectFilterKeys,
      filterPlaceholder: 'Filter: name, trigger:rabbitmq, active:true, ns:prod, state:fallback…',
      selection: scaledObjectSelection,
      toRow: scaledObjectListRow,
      related: managedHpas,
      rowStaleAt: (row) =>
        row.state.cooldownLeftMs !== undefined
          ? row.builtAt + row.state.cooldownLeftMs
          : Number.POSITIVE_INFINITY,
      renderCell: (id, row, now, links, fit, hpas) => this.renderCell(id, row, now, links, fit, hpas),
      emptyHint: html`Create one with <code>kubectl apply -f scaledobject.yaml</code>; it appears here as soon
        as the API server stores it.`,
      bulkActions: bulkActionsFor('ScaledObject'),
      deleteNote:
        'KEDA deletes the HPA it manages; each target keeps its current replicas (or goes back to its original count with advanced.restoreToOriginalReplicaCount).',
    },
    () => this.data.store,
  );

  protected override render(): TemplateResult {
    return this.view.render(this.clock.now());
  }

  private renderCell(
    id: ScaledObjectListColumnId,
    row: ScaledObjectListRow,
    now: number,
    links: LinkResolver | undefined,
    fit: Fit,
    hpas: InformerState | undefined,
  ): TemplateResult {
    switch (id) {
      case 'name':
        return nameCell(
          { kind: 'ScaledObject', apiVersion: 'keda.sh/v1alpha1', namespace: row.namespace, name: row.name },
          links ?? this.links,
          fit,
        );
      case 'state': {
        const left =
          row.state.cooldownLeftMs !== undefined ? row.builtAt + row.state.cooldownLeftMs - now : undefined;
        return stateCell(
          row.state.kind,
          row.state.label,
          row.state.condition,
          left !== undefined && left > 0 ? left : undefined,
          row.state,
        );
      }
      case 'replicas':
        return replicasCell(row, hpas, fit);
      case 'lastActive':
        return row.lastActiveAt === undefined
          ? noneCell(false, 'KEDA has not seen the triggers active', 'never')
          : textCell(humanDuration(now - row.lastActiveAt), { fits: true });
      case 'age':
        return ageCell(row.created, now);
      case 'ready':
      case 'active':
        return conditionCell(id, row[id]);
      case 'fallback':
      case 'paused':
        return conditionCell(id, row[id], true);
      case 'min':
      case 'max':
        return textCell(row[id], { numeric: true, fit });
      case 'scaleTargetKind':
        return textCell(row.scaleTargetKind, { mono: true, fit });
      default:
        return textCell(row[id], { fit });
    }
  }
}

/**
 * `current` or `current → desired` from the HPA KEDA manages; while the HPAs are being read, or
 * when they cannot be, the cell says so instead of claiming there is no HPA.
 */
function replicasCell(row: ScaledObjectListRow, hpas: InformerState | undefined, fit: Fit): TemplateResult {
  const { replicas, hpaName } = row;
  if (replicas) {
    const text =
      replicas.current === replicas.desired
        ? `${replicas.current}`
        : `${replicas.current} → ${replicas.desired}`;
    const title = `HPA ${hpaName}: ${replicas.current} current, ${replicas.desired} desired`;
    return textCell(text, { numeric: true, fit, title });
  }
  if (row.hpaFound) return noneCell(true, `HPA ${hpaName} has no status yet`);
  return (
    unknownYetCell('the HPAs', hpas) ??
    noneCell(
      true,
      row.paused === 'True'
        ? `No HPA ${hpaName}: KEDA deletes it while the ScaledObject is paused`
        : `No HPA ${hpaName} in ${row.namespace}`,
    )
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-scaled-object-list': ScaledObjectList;
  }
  interface HTMLElementEventMap {
    'keda-list-change': CustomEvent<ListViewState>;
    'keda-bulk-action': CustomEvent<BulkActionDetail>;
  }
}

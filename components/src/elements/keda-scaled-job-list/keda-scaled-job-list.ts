import { LitElement, type TemplateResult, html } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { JobResource, ScaledJobResource } from '../../core/kube/resource.js';
import { OwnedJobTally, ownedJobsSummary, type OwnedJobCounts } from '../../core/keda/owned-job-counts.js';
import type { JobLike } from '../../core/keda/scaled-job-details-jobs.js';
import { SCALED_JOB_NAME_LABEL } from '../../core/keda/annotations.js';
import type { InformerState } from '../../data/informer.js';
import { humanDuration } from '../../core/kube/age.js';
import {
  scaledJobFilterKeys,
  scaledJobListColumns,
  scaledJobListRow,
  scaledJobSelection,
  type ScaledJobColumnId,
  type ScaledJobListRow,
} from '../../core/keda/scaled-job-table.js';
import type { ScaledJob } from '../../core/keda/types.js';
import { linksContext, type LinkResolver } from '../../context/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ClockController } from '../../controllers/clock-controller.js';
import type { KedaStore } from '../../data/keda-store.js';
import { themeStyles } from '../../styles/theme.js';
import { ListViewController, type ListCluster, type RelatedKind } from '../shared/list-view.js';
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

const tallies = new WeakMap<KedaStore, OwnedJobTally>();

/** The Jobs KEDA created for each ScaledJob, which the RUNNING column counts. */
const ownedJobs: RelatedKind<ScaledJob, ScaledJobColumnId, OwnedJobCounts> = {
  type: JobResource,
  columns: new Set(['running']),
  in: (store) => {
    const jobs = store.collection<JobLike>(JobResource);
    const tally = tallies.get(store) ?? new OwnedJobTally();
    tallies.set(store, tally);
    return {
      version: jobs.items,
      state: jobs.state,
      of: (sj) => tally.of(jobs.items, sj.metadata.namespace ?? '', sj.metadata.name ?? ''),
    };
  },
};

/**
 * Every ScaledJob the connection can see: `kubectl get scaledjobs -A` columns plus the state, the
 * Jobs running and the last activity, live, filterable, sortable and virtualised like the other
 * lists.
 *
 * Selected rows can be paused, resumed or deleted together.
 *
 * @fires keda-list-change - The user changed the filter, sort or namespaces (`ListViewState`).
 * @fires keda-bulk-action - A bulk action finished (`BulkActionDetail`).
 * @csspart bulk-bar - The selection count and bulk action buttons.
 * @csspart bulk-result - What the last bulk action did.
 * @csspart confirm - The delete confirmation dialog.
 * @csspart toolbar - The filter and namespace controls.
 * @csspart status - The connection state line.
 * @csspart table - The table.
 * @csspart message - The loading, empty or error message.
 * @cssprop --keda-list-max-height - Height of the scrolling table (default 70vh).
 */
export class ScaledJobList extends LitElement {
  static override styles = [themeStyles, listStyles()];

  /** Filter text: words and `key:value` terms (name, ns, trigger, auth, state, ready, active, paused). */
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

  private readonly data = new StoreController(this, [ScaledJobResource, ownedJobs.type]);
  private readonly clock = new ClockController(this, 1000);
  private readonly view = new ListViewController<
    ScaledJob,
    ScaledJobListRow,
    ScaledJobColumnId,
    OwnedJobCounts
  >(
    this,
    {
      singular: 'ScaledJob',
      plural: 'ScaledJobs',
      resource: 'scaledjobs.keda.sh',
      type: ScaledJobResource,
      collection: (store) => store.scaledJobs,
      namespaced: true,
      columns: scaledJobListColumns,
      defaultSort: { column: 'namespace', direction: 'asc' },
      filterKeys: scaledJobFilterKeys,
      filterPlaceholder: 'Filter: name, trigger:rabbitmq, active:true, ns:batch, state:paused…',
      selection: scaledJobSelection,
      toRow: scaledJobListRow,
      related: ownedJobs,
      renderCell: (id, row, now, links, fit, jobs) => this.renderCell(id, row, now, links, fit, jobs),
      emptyHint: html`A ScaledJob runs Kubernetes Jobs for queued work; create one with
        <code>kubectl apply -f scaledjob.yaml</code>.`,
      bulkActions: bulkActionsFor('ScaledJob'),
      deleteNote:
        'Deleting a ScaledJob deletes the Jobs it created (they are owned by it), running ones included.',
    },
    () => this.data.store,
  );

  protected override render(): TemplateResult {
    return this.view.render(this.clock.now());
  }

  private renderCell(
    id: ScaledJobColumnId,
    row: ScaledJobListRow,
    now: number,
    links: LinkResolver | undefined,
    fit: Fit,
    jobs: InformerState | undefined,
  ): TemplateResult {
    switch (id) {
      case 'name':
        return nameCell(
          { kind: 'ScaledJob', apiVersion: 'keda.sh/v1alpha1', namespace: row.namespace, name: row.name },
          links ?? this.links,
          fit,
        );
      case 'state':
        return stateCell(row.state.kind, row.state.label, row.state.condition, undefined, row.state);
      case 'running':
        return runningCell(row, jobs);
      case 'lastActive':
        return row.lastActiveAt === undefined
          ? noneCell(false, 'KEDA has not seen the triggers active', 'never')
          : textCell(humanDuration(now - row.lastActiveAt), { fits: true });
      case 'age':
        return ageCell(row.created, now);
      case 'ready':
      case 'active':
        return conditionCell(id, row[id]);
      case 'paused':
        return conditionCell(id, row[id], true);
      case 'min':
      case 'max':
        return textCell(row[id], { numeric: true, fit });
      default:
        return textCell(row[id], { fit });
    }
  }
}

/**
 * How many of its Jobs are not finished, the count KEDA holds against MAX, with every phase in the
 * tooltip; while the Jobs are being read, or when they cannot be, the cell says so instead of 0.
 */
function runningCell(row: ScaledJobListRow, jobs: InformerState | undefined): TemplateResult {
  if (row.jobs)
    return textCell(row.jobs.running, {
      numeric: true,
      fits: true,
      title: `Jobs: ${ownedJobsSummary(row.jobs)}`,
    });
  return (
    unknownYetCell('the Jobs', jobs) ??
    textCell(0, {
      numeric: true,
      fits: true,
      title: `No Jobs labelled ${SCALED_JOB_NAME_LABEL}=${row.name} in ${row.namespace}`,
    })
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-scaled-job-list': ScaledJobList;
  }
}

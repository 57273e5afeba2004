import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { humanDuration } from '../../core/kube/age.js';
import type { HorizontalPodAutoscaler } from '../../core/kube/autoscaling.js';
import { errorHint } from '../../core/kube/error-hints.js';
import { hpaMetricRows } from '../../core/kube/hpa-metrics.js';
import {
  HorizontalPodAutoscalerResource,
  ScaledObjectResource,
  workloadResource,
} from '../../core/kube/resource.js';
import { conditionClass, conditionsTable, stateSummary } from '../shared/conditions-table.js';
import type { KubeObject } from '../../core/kube/types.js';
import { pausePatch, resumePatch } from '../../core/keda/actions.js';
import { KEDA_ANNOTATIONS } from '../../core/keda/annotations.js';
import { maskSecretsInText } from '../../core/keda/mask.js';
import {
  scaledObjectDetails,
  type ScaledObjectDetailsModel,
  type TriggerDetails,
} from '../../core/keda/scaled-object-details.js';
import type { ScaledObject } from '../../core/keda/types.js';
import { linksContext, type LinkResolver, type ObjectRef } from '../../context/contexts.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { KedaStore } from '../../data/keda-store.js';
import { KubeApiError } from '../../data/kube-client.js';
import { themeStyles } from '../../styles/theme.js';
import { statePillStyles } from '../../styles/state-pill.js';
import { detailsStyles } from './keda-scaled-object-details.styles.js';
import './live/define.js';

interface Workload extends KubeObject {
  spec?: { replicas?: number };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    updatedReplicas?: number;
  };
}

type Action = 'pause' | 'pause-replicas' | 'resume' | 'delete' | 'force' | 'unforce';

/**
 * One ScaledObject, understood at a glance: its state with KEDA's conditions verbatim, the
 * settings in effect (defaults marked), each trigger with metric name, target, activation,
 * activity, health and masked metadata, the scale target, the HPA KEDA manages, fallback and
 * scalingModifiers; with pause, pause-at-N, resume and delete.
 *
 * @fires keda-deleted - The ScaledObject was deleted from here; `detail` is `{namespace, name}`.
 * @csspart header - Name, state and actions.
 * @csspart section - Each card.
 * @cssprop --keda-fg - Text colour.
 * @cssprop --keda-bg - Card background.
 * @cssprop --keda-border - Borders.
 * @cssprop --keda-accent - Links and the primary button.
 * @cssprop --keda-on-accent - Text on the primary (accent-filled) button.
 */
export class ScaledObjectDetails extends LitElement {
  static override styles = [themeStyles, statePillStyles, detailsStyles];

  @property() namespace = '';
  @property() name = '';

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

  @state() private busy: Action | undefined;
  @state() private actionError: KubeApiError | undefined;
  @state() private actionDone: string | undefined;
  @state() private replicasInput = '0';
  @query('dialog.pause-replicas') private pauseDialog!: HTMLDialogElement | null;
  @query('dialog.delete') private deleteDialog!: HTMLDialogElement | null;

  private readonly data = new StoreController(this, []);
  private readonly clock = new ClockController(this, 1000);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('namespace') || changed.has('name')) {
      const namespace = this.namespace || undefined;
      this.data.need([
        { type: ScaledObjectResource, namespace },
        { type: HorizontalPodAutoscalerResource, namespace },
      ]);
      this.actionError = undefined;
      this.actionDone = undefined;
    }
  }

  protected override render(): TemplateResult {
    const store = this.data.store;
    if (!store)
      return this.message(
        'Not connected',
        html`<p>Place this element inside <code>&lt;keda-connection&gt;</code>.</p>`,
      );
    const { items, state } = store.collection<ScaledObject>(ScaledObjectResource, {
      namespace: this.namespace,
    });
    const so = items.find((o) => o.metadata.name === this.name);
    if (!so) {
      if (state.phase === 'error' && state.error) {
        return this.message(
          'Cannot read this ScaledObject',
          html`<p class="api-message">${state.error.message}</p>
            <p>${errorHint(state.error.code, 'scaledobjects.keda.sh')}</p>`,
        );
      }
      if (!state.synced)
        return this.message(
          'Loading…',
          html`<p>Reading ScaledObject ${this.namespace}/${this.name}.</p>`,
          true,
        );
      return this.message(
        'ScaledObject not found',
        html`<p class="api-message">scaledobjects.keda.sh "${this.name}" not found</p>
          <p>
            There is no ScaledObject <code>${this.name}</code> in namespace
            <code>${this.namespace}</code> (any more). Check the name and namespace, or pick it from the list.
          </p>`,
      );
    }
    const now = this.clock.now();
    const model = scaledObjectDetails(so, now);
    const workload = this.workloadOf(store, model);
    const hpa = store
      .collection<HorizontalPodAutoscaler>(HorizontalPodAutoscalerResource, { namespace: this.namespace })
      .items.find((h) => h.metadata.name === model.hpaName.value);
    return html`
      ${this.renderHeader(model)} ${this.renderNotices()}
      <div class="layout">
        ${this.renderConditions(model)}
        <div class="cards">
          ${this.renderScaling(model, workload, hpa, now)} ${this.renderTarget(model, workload)}
          ${this.renderHpa(model, hpa)}
        </div>
        <keda-so-live
          .namespace=${this.namespace}
          .name=${this.name}
          .model=${model}
          .store=${store}
        ></keda-so-live>
        ${this.renderTriggers(model)} ${this.renderAdvanced(model)}
      </div>
      ${this.renderDialogs(model)}
    `;
  }

  private workloadOf(store: KedaStore, model: ScaledObjectDetailsModel): Workload | undefined {
    const type = workloadResource(model.scaleTarget.apiVersion, model.scaleTarget.kind);
    if (!type) return undefined;
    this.data.need([
      { type: ScaledObjectResource, namespace: this.namespace || undefined },
      { type: HorizontalPodAutoscalerResource, namespace: this.namespace || undefined },
      { type, namespace: this.namespace || undefined },
    ]);
    return store
      .collection<Workload>(type, { namespace: this.namespace })
      .items.find((w) => w.metadata.name === model.scaleTarget.name);
  }

  private link(ref: ObjectRef, text: string | TemplateResult = ref.name): TemplateResult {
    const href = this.links?.(ref);
    return href ? html`<a href=${href}>${text}</a>` : html`${text}`;
  }

  private renderHeader(model: ScaledObjectDetailsModel): TemplateResult {
    const { state } = model;
    const left = state.cooldownLeftMs !== undefined ? ` · ${humanDuration(state.cooldownLeftMs)} left` : '';
    const paused = model.pause.paused || model.pause.pauseScaleIn || model.pause.pauseScaleOut;
    const summary = stateSummary(state, 'ScaledObject');
    return html`<header part="header">
      <h2>${model.name}</h2>
      <span class="ns">${model.namespace}</span>
      <span class="state ${state.kind}" title=${summary}>${state.label}${left}</span>
      ${state.forceNote ? html`<span class="state-flag forced" title=${state.forceNote}>forced</span>` : nothing}
      <div class="actions">
        ${
          paused
            ? html`<button type="button" ?disabled=${!!this.busy} @click=${() => this.run('resume')}>
                Resume scaling
              </button>`
            : html`<button type="button" ?disabled=${!!this.busy} @click=${() => this.run('pause')}>
                Pause
              </button>`
        }
        <button
          type="button"
          ?disabled=${!!this.busy}
          title="Scale the target to a fixed count and stop scaling (autoscaling.keda.sh/paused-replicas)"
          @click=${() => {
            // Start from the count it is paused at, else the replicas the target runs now.
            const store = this.data.store;
            const workload = store ? this.workloadOf(store, model) : undefined;
            const replicas =
              model.pause.pausedReplicas ?? workload?.status?.replicas ?? workload?.spec?.replicas;
            if (replicas !== undefined) this.replicasInput = String(replicas);
            this.pauseDialog?.showModal();
          }}
        >
          ${model.pause.pausedReplicas !== undefined ? 'Change paused replicas…' : 'Pause at…'}
        </button>
        <button
          type="button"
          aria-pressed=${model.pause.forceActivation ? 'true' : 'false'}
          ?disabled=${!!this.busy}
          title="KEDA treats every trigger as active while this is on (autoscaling.keda.sh/force-activation)"
          @click=${() => this.run(model.pause.forceActivation ? 'unforce' : 'force')}
        >
          ${model.pause.forceActivation ? 'Stop forcing activation' : 'Force activation'}
        </button>
        ${this.renderYamlLink(model)}
        <button
          type="button"
          class="danger"
          ?disabled=${!!this.busy}
          @click=${() => this.deleteDialog?.showModal()}
        >
          Delete
        </button>
      </div>
      <p class="summary">${summary}</p>
    </header>`;
  }

  private renderYamlLink(model: ScaledObjectDetailsModel): TemplateResult | typeof nothing {
    const href = this.links?.({
      kind: 'ScaledObject',
      apiVersion: 'keda.sh/v1alpha1',
      namespace: model.namespace,
      name: model.name,
      view: 'yaml',
    });
    return href ? html`<a class="button-link" href=${href}>Edit YAML</a>` : nothing;
  }

  private renderNotices(): TemplateResult | typeof nothing {
    if (this.actionError) {
      return html`<div class="notice error" role="alert">
        <strong>The API server refused the change (${this.actionError.code || 'network'}):</strong>
        <span class="api-message">${this.actionError.message}</span>
        <div>${errorHint(this.actionError.code, 'scaledobjects.keda.sh')}</div>
      </div>`;
    }
    if (this.actionDone) return html`<div class="notice" role="status">${this.actionDone}</div>`;
    return nothing;
  }

  private renderConditions(model: ScaledObjectDetailsModel): TemplateResult {
    const note =
      model.kedaShape === '2.20.0-2.20.1 or older'
        ? html`<p class="default">
            No HPAActive condition: KEDA before 2.20.2, where HPA health shows in Ready (2.20.0–2.20.1) or not
            at all (2.19 and older), or KEDA has not written it yet.
          </p>`
        : nothing;
    return html`<section part="section" class="wide" aria-labelledby="conditions-title">
      <h3 id="conditions-title">Conditions</h3>
      ${conditionsTable(model.conditions)} ${note}
    </section>`;
  }

  private renderScaling(
    model: ScaledObjectDetailsModel,
    workload: Workload | undefined,
    hpa: HorizontalPodAutoscaler | undefined,
    now: number,
  ): TemplateResult {
    const pause = model.pause;
    void now;
    return html`<section part="section" aria-labelledby="scaling-title">
      <h3 id="scaling-title">Scaling</h3>
      <dl>
        <dt>Replicas</dt>
        <dd>
          ${workload?.status?.replicas ?? workload?.spec?.replicas ?? '—'} current
          ${hpa?.status ? html` · ${hpa.status.desiredReplicas} desired by the HPA` : nothing}
        </dd>
        ${model.settings.map(
          (s) =>
            html`<dt title=${s.help}>${s.label}</dt>
              <dd>${s.value}${s.isDefault ? html` <span class="default">(default)</span>` : nothing}</dd>`,
        )}
        <dt>Cooldown</dt>
        <dd>${this.renderCooldown(model)}</dd>
        <dt>Pause</dt>
        <dd>
          ${
            pause.pausedReplicasError
              ? html`<span class="bad">paused-replicas is invalid: ${pause.pausedReplicasError}</span>`
              : pause.pausedReplicas !== undefined
                ? html`<span class="warn"
                    >paused at ${pause.pausedReplicas}
                    ${pause.pausedReplicas === 1 ? 'replica' : 'replicas'}</span
                  >`
                : pause.paused
                  ? html`<span class="warn">paused</span>`
                  : pause.pauseScaleIn
                    ? html`<span class="warn">scale-in paused</span>`
                    : pause.pauseScaleOut
                      ? html`<span class="warn">scale-out paused</span>`
                      : html`<span class="none">not paused</span>`
          }
          ${pause.forceActivation ? html` · <span class="warn">activation forced</span>` : nothing}
        </dd>
      </dl>
    </section>`;
  }

  /** Never active, KEDA counts initialCooldownPeriod from creation; cooldownPeriod only once active. */
  private renderCooldown(model: ScaledObjectDetailsModel): TemplateResult {
    const { cooldown, cooldownPeriod } = model;
    if (!cooldown.applies)
      return html`<span class="none">not used (min replicas above 0, no idle count)</span>`;
    const running = cooldown.inCooldown && cooldown.remainingMs > 0;
    const left = html`<span class="warn">${humanDuration(cooldown.remainingMs)} left</span>`;
    if (cooldown.basis === 'lastActiveTime')
      return running
        ? html`${left} of ${cooldown.periodSeconds} s`
        : html`${cooldown.periodSeconds} s, not running`;
    return running
      ? html`${left} of the initial ${cooldown.periodSeconds} s (never active yet) · then
        ${cooldownPeriod.value} s after activity ends`
      : html`not running, never active · ${cooldownPeriod.value} s after activity ends (initial
        ${cooldown.periodSeconds} s is over)`;
  }

  private renderTarget(model: ScaledObjectDetailsModel, workload: Workload | undefined): TemplateResult {
    const t = model.scaleTarget;
    const ref: ObjectRef = {
      kind: t.kind,
      apiVersion: t.apiVersion,
      namespace: model.namespace,
      name: t.name,
    };
    return html`<section part="section" aria-labelledby="target-title">
      <h3 id="target-title">Scale target</h3>
      <dl>
        <dt>Kind</dt>
        <dd class="mono">
          ${t.apiVersion}/${t.kind}${t.kindIsDefault ? html` <span class="default">(default)</span>` : nothing}
        </dd>
        <dt>Name</dt>
        <dd>${this.link(ref)}</dd>
        ${
          workload
            ? html`<dt>Ready</dt>
                <dd>${workload.status?.readyReplicas ?? 0}/${workload.spec?.replicas ?? 0}</dd>
                <dt>Up to date</dt>
                <dd>${workload.status?.updatedReplicas ?? 0}</dd>`
            : html`<dt>Status</dt>
                <dd class="none">
                  ${workloadResource(t.apiVersion, t.kind) ? 'not found in this namespace' : 'not watched for this kind'}
                </dd>`
        }
      </dl>
    </section>`;
  }

  private renderHpa(
    model: ScaledObjectDetailsModel,
    hpa: HorizontalPodAutoscaler | undefined,
  ): TemplateResult {
    const ref: ObjectRef = {
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v2',
      namespace: model.namespace,
      name: model.hpaName.value,
    };
    if (!hpa) {
      const why = model.pause.paused
        ? 'KEDA deletes the HPA while the ScaledObject is paused.'
        : 'Not found: KEDA creates it once the ScaledObject is ready.';
      return html`<section part="section" aria-labelledby="hpa-title">
        <h3 id="hpa-title">HPA</h3>
        <dl>
          <dt>Name</dt>
          <dd class="mono">${model.hpaName.value}</dd>
        </dl>
        <p class="none">${why}</p>
      </section>`;
    }
    const rows = hpaMetricRows(hpa);
    return html`<section part="section" aria-labelledby="hpa-title">
      <h3 id="hpa-title">HPA</h3>
      <dl>
        <dt>Name</dt>
        <dd class="mono">${this.link(ref)}</dd>
        <dt>Min / max</dt>
        <dd>${hpa.spec.minReplicas ?? 1} / ${hpa.spec.maxReplicas}</dd>
        <dt>Replicas</dt>
        <dd>
          ${hpa.status ? (hpa.status.currentReplicas ?? 0) : '—'} current ·
          ${hpa.status?.desiredReplicas ?? '—'} desired
        </dd>
      </dl>
      <table aria-label="HPA metrics">
        <thead>
          <tr>
            <th>Metric</th>
            <th>Current</th>
            <th>Target</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr>
                <td class="mono">${r.name}</td>
                <td>${r.current ?? html`<span class="none">&lt;unknown&gt;</span>`}</td>
                <td>${r.target} <span class="default">${r.targetType}</span></td>
              </tr>`,
          )}
        </tbody>
      </table>
      <table aria-label="HPA conditions">
        <thead>
          <tr>
            <th>Condition</th>
            <th>Status</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          ${(hpa.status?.conditions ?? []).map(
            (c) =>
              html`<tr title=${maskSecretsInText(c.message ?? '')}>
                <td>${c.type}</td>
                <td
                  class=${c.type === 'ScalingLimited' ? (c.status === 'True' ? 'warn' : '') : conditionClass(c)}
                >
                  ${c.status}
                </td>
                <td class="mono">${c.reason ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private renderTriggers(model: ScaledObjectDetailsModel): TemplateResult {
    return html`<section part="section" class="wide" aria-labelledby="triggers-title">
      <h3 id="triggers-title">Triggers</h3>
      ${model.metricsProblem ? html`<p class="bad">KEDA cannot build the HPA metrics: ${model.metricsProblem}</p>` : nothing}
      ${
        model.triggers.length === 0
          ? html`<p class="none">No triggers: the API server requires at least one (spec.triggers).</p>`
          : this.renderTriggerTable(model)
      }
    </section>`;
  }

  private renderTriggerTable(model: ScaledObjectDetailsModel): TemplateResult {
    return html`<table>
      <thead>
        <tr>
          <th>#</th>
          <th>Type</th>
          <th>Metric</th>
          <th>Target</th>
          <th>Activation</th>
          <th>Active</th>
          <th>Health</th>
          <th>Authentication</th>
          <th>Metadata</th>
        </tr>
      </thead>
      <tbody>
        ${model.triggers.map((t) => this.renderTrigger(model, t))}
      </tbody>
    </table>`;
  }

  private renderTrigger(model: ScaledObjectDetailsModel, t: TriggerDetails): TemplateResult {
    const threshold = (v: TriggerDetails['target']) =>
      v === undefined
        ? html`<span class="none">—</span>`
        : html`${v.value}${v.key ? html` <span class="default">${v.key}${v.isDefault ? ', default' : ''}</span>` : nothing}`;
    const auth = t.authenticationRef;
    return html`<tr>
      <td>${t.index}</td>
      <td>${t.type}${t.name ? html`<div class="default">${t.name}</div>` : nothing}</td>
      <td class="mono">
        ${t.metricName ?? '—'}
        <div class="default">${t.metricType.value}${t.metricType.isDefault ? ' (default)' : ''}</div>
      </td>
      <td>${threshold(t.target)}</td>
      <td>${threshold(t.activation)}</td>
      <td>
        ${t.active === undefined ? html`<span class="none">—</span>` : t.active ? html`<span class="yes">yes</span>` : 'no'}
      </td>
      <td>
        ${
          t.health
            ? html`<span class=${t.health.status === 'Happy' ? 'yes' : 'bad'}>${t.health.status}</span>
                ${t.health.failures ? html`<div class="default">${t.health.failures} failures</div>` : nothing}`
            : html`<span class="none">—</span>`
        }
      </td>
      <td>
        ${
          auth
            ? this.link({
                kind: auth.kind,
                apiVersion: 'keda.sh/v1alpha1',
                namespace: auth.kind === 'TriggerAuthentication' ? model.namespace : undefined,
                name: auth.name,
              })
            : html`<span class="none">—</span>`
        }
      </td>
      <td>
        <ul class="kv">
          ${t.metadata.map(([k, v]) => html`<li><span>${k}:</span> <span class="mono">${v}</span></li>`)}
        </ul>
        ${t.problem ? html`<div class="bad">${t.problem}</div>` : nothing}
      </td>
    </tr>`;
  }

  private renderAdvanced(model: ScaledObjectDetailsModel): TemplateResult | typeof nothing {
    if (
      !model.fallback &&
      !model.scalingModifiers &&
      !model.hpaBehavior &&
      !model.restoreToOriginalReplicaCount
    ) {
      return nothing;
    }
    return html`<section part="section" class="wide" aria-labelledby="advanced-title">
      <h3 id="advanced-title">Fallback and advanced</h3>
      <dl>
        ${
          model.fallback
            ? html`<dt>Fallback</dt>
                <dd>
                  ${model.fallback.replicas} replicas after ${model.fallback.failureThreshold} failures,
                  behaviour
                  <code>${model.fallback.behavior.value}</code
                  >${model.fallback.behavior.isDefault ? html` <span class="default">(default)</span>` : nothing}
                </dd>`
            : nothing
        }
        ${
          model.scalingModifiers
            ? html`<dt>Formula</dt>
                <dd>
                  <code>${model.scalingModifiers.formula}</code> → target
                  ${model.scalingModifiers.target}${
                    model.scalingModifiers.activationTarget
                      ? `, activation ${model.scalingModifiers.activationTarget}`
                      : ''
                  }
                  (${model.scalingModifiers.metricType.value})
                </dd>`
            : nothing
        }
        ${
          model.restoreToOriginalReplicaCount
            ? html`<dt>On delete</dt>
                <dd>restores the original replica count</dd>`
            : nothing
        }
        ${
          model.hpaBehavior
            ? html`<dt>HPA behaviour</dt>
                <dd><pre class="mono">${JSON.stringify(model.hpaBehavior, null, 2)}</pre></dd>`
            : nothing
        }
      </dl>
    </section>`;
  }

  private renderDialogs(model: ScaledObjectDetailsModel): TemplateResult {
    const replicas = Number(this.replicasInput);
    const invalid = !/^\d+$/.test(this.replicasInput) || replicas > 2147483647;
    return html`
      <dialog class="pause-replicas" aria-labelledby="pause-title">
        <h4 id="pause-title">Pause at a replica count</h4>
        <p>
          KEDA scales <code>${model.scaleTarget.name}</code> to this many replicas and stops scaling it until
          you resume.
        </p>
        <label>
          Replicas
          <input
            type="number"
            min="0"
            step="1"
            .value=${this.replicasInput}
            @input=${(e: Event) => (this.replicasInput = (e.target as HTMLInputElement).value)}
            aria-invalid=${invalid ? 'true' : 'false'}
          />
          ${invalid ? html`<span class="field-error">A whole number, 0 or more.</span>` : nothing}
        </label>
        <div class="dialog-actions">
          <button type="button" @click=${() => this.pauseDialog?.close()}>Cancel</button>
          <button
            type="button"
            class="primary"
            ?disabled=${invalid}
            @click=${() => {
              this.pauseDialog?.close();
              void this.run('pause-replicas', replicas);
            }}
          >
            Pause at ${invalid ? '…' : replicas}
          </button>
        </div>
      </dialog>
      <dialog class="delete" aria-labelledby="delete-title">
        <h4 id="delete-title">Delete ScaledObject ${model.name}?</h4>
        <p>
          KEDA stops scaling <code>${model.scaleTarget.name}</code> and removes the HPA it created. The
          workload keeps its current
          replicas${model.restoreToOriginalReplicaCount ? ' (restored to the original count)' : ''}.
        </p>
        <div class="dialog-actions">
          <button type="button" @click=${() => this.deleteDialog?.close()}>Cancel</button>
          <button
            type="button"
            class="danger"
            @click=${() => {
              this.deleteDialog?.close();
              void this.run('delete');
            }}
          >
            Delete
          </button>
        </div>
      </dialog>
    `;
  }

  private async run(action: Action, replicas?: number): Promise<void> {
    const store = this.data.store;
    if (!store) return;
    const scope = { namespace: this.namespace, name: this.name };
    this.busy = action;
    this.actionError = undefined;
    this.actionDone = undefined;
    try {
      if (action === 'delete') {
        await store.client.delete(ScaledObjectResource, scope);
        this.actionDone = `Deleted ScaledObject ${this.name}.`;
        this.dispatchEvent(
          new CustomEvent('keda-deleted', { detail: { ...scope }, bubbles: true, composed: true }),
        );
      } else {
        const patch =
          action === 'force' || action === 'unforce'
            ? {
                metadata: {
                  annotations: { [KEDA_ANNOTATIONS.forceActivation]: action === 'force' ? 'true' : null },
                },
              }
            : action === 'resume'
              ? resumePatch()
              : pausePatch(action === 'pause-replicas' ? replicas : undefined);
        await store.client.patch(ScaledObjectResource, scope, patch, 'merge');
        this.actionDone =
          action === 'force'
            ? 'Activation forced: KEDA treats every trigger as active (scales up from 0) until you stop it.'
            : action === 'unforce'
              ? 'No longer forced: KEDA decides activity from the triggers again.'
              : action === 'resume'
                ? 'Scaling resumed: KEDA recreates the HPA on its next reconcile.'
                : action === 'pause'
                  ? 'Paused: KEDA stops scaling and removes the HPA; replicas stay where they are.'
                  : `Paused at ${replicas} replicas.`;
      }
    } catch (error) {
      this.actionError =
        error instanceof KubeApiError
          ? error
          : new KubeApiError(0, error instanceof Error ? error.message : String(error));
    } finally {
      this.busy = undefined;
    }
  }

  private message(title: string, body: TemplateResult, busy = false): TemplateResult {
    return html`<div class="message" role="status" aria-busy=${busy ? 'true' : 'false'}>
      <h2>${title}</h2>
      ${body}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-scaled-object-details': ScaledObjectDetails;
  }
  interface HTMLElementEventMap {
    'keda-deleted': CustomEvent<{ namespace: string; name: string }>;
  }
}

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ageOf } from '../../core/kube/age.js';
import { errorHint } from '../../core/kube/error-hints.js';
import { JobResource, ScaledJobResource } from '../../core/kube/resource.js';
import { conditionsTable, stateSummary } from '../shared/conditions-table.js';
import { pausePatch, resumePatch } from '../../core/keda/actions.js';
import { scaledJobDetails, type ScaledJobDetailsModel } from '../../core/keda/scaled-job-details.js';
import type { ContainerDetails } from '../../core/keda/scaled-job-details-template.js';
import {
  jobCounts,
  ownedJobRows,
  type JobLike,
  type OwnedJobRow,
} from '../../core/keda/scaled-job-details-jobs.js';
import type { Setting, TriggerDetails } from '../../core/keda/scaled-object-details.js';
import type { ScaledJob } from '../../core/keda/types.js';
import { linksContext, type LinkResolver, type ObjectRef } from '../../context/contexts.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { KedaStore } from '../../data/keda-store.js';
import { KubeApiError } from '../../data/kube-client.js';
import { themeStyles } from '../../styles/theme.js';
import { statePillStyles } from '../../styles/state-pill.js';
import { detailsStyles } from '../keda-scaled-object-details/keda-scaled-object-details.styles.js';
import { scaledJobDetailsStyles } from './keda-scaled-job-details.styles.js';

type Action = 'pause' | 'resume' | 'delete';

/**
 * One ScaledJob at a glance: its state with KEDA's conditions verbatim, the settings in effect
 * (KEDA's defaults marked), the scaling strategy KEDA really runs with its parameters, rollout,
 * the Job template (images, commands, resources, env variable names and sources, never values),
 * the triggers with masked metadata, and the Jobs it created; with pause, resume and delete.
 *
 * @fires keda-deleted - The ScaledJob was deleted from here; `detail` is `{namespace, name}`.
 * @csspart header - Name, state and actions.
 * @csspart section - Each card.
 * @cssprop --keda-fg - Text colour.
 * @cssprop --keda-bg - Card background.
 * @cssprop --keda-border - Borders.
 * @cssprop --keda-accent - Links and the primary button.
 * @cssprop --keda-on-accent - Text on the primary (accent-filled) button.
 */
export class ScaledJobDetails extends LitElement {
  static override styles = [themeStyles, statePillStyles, detailsStyles, scaledJobDetailsStyles];

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
  @query('dialog.delete') private deleteDialog!: HTMLDialogElement | null;

  private readonly data = new StoreController(this, []);
  private readonly clock = new ClockController(this, 1000);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('namespace') || changed.has('name')) {
      const namespace = this.namespace || undefined;
      this.data.need([
        { type: ScaledJobResource, namespace },
        { type: JobResource, namespace },
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
    const { items, state } = store.collection<ScaledJob>(ScaledJobResource, { namespace: this.namespace });
    const sj = items.find((o) => o.metadata.name === this.name);
    if (!sj) {
      if (state.phase === 'error' && state.error) {
        return this.message(
          'Cannot read this ScaledJob',
          html`<p class="api-message">${state.error.message}</p>
            <p>${errorHint(state.error.code, 'scaledjobs.keda.sh')}</p>`,
        );
      }
      if (!state.synced)
        return this.message('Loading…', html`<p>Reading ScaledJob ${this.namespace}/${this.name}.</p>`, true);
      return this.message(
        'ScaledJob not found',
        html`<p class="api-message">scaledjobs.keda.sh "${this.name}" not found</p>
          <p>
            There is no ScaledJob <code>${this.name}</code> in namespace <code>${this.namespace}</code> (any
            more). Check the name and namespace, or pick it from the list.
          </p>`,
      );
    }
    const now = this.clock.now();
    const model = scaledJobDetails(sj);
    const jobs = store.collection<JobLike>(JobResource, { namespace: this.namespace });
    const rows = ownedJobRows(jobs.items, model, now);
    return html`
      ${this.renderHeader(model, rows, now)} ${this.renderNotices()}
      <div class="layout">
        ${this.renderConditions(model)}
        <div class="cards">
          ${this.renderScaling(model, now)} ${this.renderStrategy(model)} ${this.renderRollout(model)}
        </div>
        ${this.renderTemplate(model)} ${this.renderTriggers(model)}
        ${this.renderJobs(model, rows, jobs.state.phase === 'error' ? jobs.state.error : undefined, jobs.state.synced, now)}
      </div>
      ${this.renderDeleteDialog(model, rows)}
    `;
  }

  private link(ref: ObjectRef, text: string | TemplateResult = ref.name): TemplateResult {
    const href = this.links?.(ref);
    return href ? html`<a href=${href}>${text}</a>` : html`${text}`;
  }

  private renderHeader(model: ScaledJobDetailsModel, rows: OwnedJobRow[], now: number): TemplateResult {
    const { state } = model;
    const summary = stateSummary(state, 'ScaledJob');
    const lastActive = model.lastActiveTime && `last active ${ageOf(model.lastActiveTime, now)} ago`;
    const counts = jobCounts(rows);
    const yaml = this.links?.({
      kind: 'ScaledJob',
      apiVersion: 'keda.sh/v1alpha1',
      namespace: model.namespace,
      name: model.name,
      view: 'yaml',
    });
    return html`<header part="header">
      <h2>${model.name}</h2>
      <span class="ns">${model.namespace}</span>
      <span class="state ${state.kind}" title=${summary}>${state.label}</span>
      <span class="jobs-count" title="Jobs KEDA created for this ScaledJob that still exist">
        ${counts.Running} running · ${counts.Pending} pending · ${counts.Complete} complete · ${counts.Failed}
        failed
      </span>
      <div class="actions">
        ${
          model.paused
            ? html`<button type="button" ?disabled=${!!this.busy} @click=${() => this.run('resume')}>
                Resume scaling
              </button>`
            : html`<button type="button" ?disabled=${!!this.busy} @click=${() => this.run('pause')}>
                Pause
              </button>`
        }
        ${yaml ? html`<a class="button-link" href=${yaml}>Edit YAML</a>` : nothing}
        <button
          type="button"
          class="danger"
          ?disabled=${!!this.busy}
          @click=${() => this.deleteDialog?.showModal()}
        >
          Delete
        </button>
      </div>
      <p class="summary">${lastActive ? `${summary} · ${lastActive}` : summary}</p>
    </header>`;
  }

  private renderNotices(): TemplateResult | typeof nothing {
    if (this.actionError) {
      return html`<div class="notice error" role="alert">
        <strong>The API server refused the change (${this.actionError.code || 'network'}):</strong>
        <span class="api-message">${this.actionError.message}</span>
        <div>${errorHint(this.actionError.code, 'scaledjobs.keda.sh')}</div>
      </div>`;
    }
    if (this.actionDone) return html`<div class="notice" role="status">${this.actionDone}</div>`;
    return nothing;
  }

  private renderConditions(model: ScaledJobDetailsModel): TemplateResult {
    return html`<section part="section" class="wide" aria-labelledby="conditions-title">
      <h3 id="conditions-title">Conditions</h3>
      ${conditionsTable(model.conditions)}
    </section>`;
  }

  private settingRows(settings: readonly Setting[]): TemplateResult[] {
    return settings.map(
      (s) =>
        html`<dt title=${s.help}>${s.label}</dt>
          <dd>${s.value}${s.isDefault ? html` <span class="default">(default)</span>` : nothing}</dd>`,
    );
  }

  private renderScaling(model: ScaledJobDetailsModel, now: number): TemplateResult {
    return html`<section part="section" aria-labelledby="scaling-title">
      <h3 id="scaling-title">Scaling</h3>
      <dl>
        ${this.settingRows(model.settings)}
        <dt>Pause</dt>
        <dd>
          ${
            model.paused
              ? html`<span class="warn">paused</span>
                  <span class="default">(autoscaling.keda.sh/paused: ${model.pausedAnnotation})</span>`
              : html`<span class="none">not paused</span>`
          }
        </dd>
        <dt>Last active</dt>
        <dd>
          ${model.lastActiveTime ? `${ageOf(model.lastActiveTime, now)} ago` : html`<span class="none">never</span>`}
        </dd>
        ${
          model.envSourceContainerName
            ? html`<dt>Env source container</dt>
                <dd class="mono">${model.envSourceContainerName}</dd>`
            : nothing
        }
      </dl>
    </section>`;
  }

  private renderStrategy(model: ScaledJobDetailsModel): TemplateResult {
    const s = model.strategy;
    return html`<section part="section" aria-labelledby="strategy-title">
      <h3 id="strategy-title">Scaling strategy</h3>
      <dl>
        <dt title="spec.scalingStrategy.strategy">Strategy</dt>
        <dd>
          <code>${s.declared.value}</code
          >${s.declared.isDefault ? html` <span class="default">(default)</span>` : nothing}
          ${s.effective !== s.declared.value ? html` → runs as <code>${s.effective}</code>` : nothing}
        </dd>
        ${this.settingRows(s.parameters)}
      </dl>
      ${s.fallbackReason ? html`<p class="warn">${s.fallbackReason}</p>` : nothing}
      <p class="formula">${s.formula}</p>
    </section>`;
  }

  private renderRollout(model: ScaledJobDetailsModel): TemplateResult {
    const r = model.rollout;
    const t = model.template;
    const eff = (v: { value: string | number; isDefault: boolean }) =>
      html`${v.value}${v.isDefault ? html` <span class="default">(default)</span>` : nothing}`;
    return html`<section part="section" aria-labelledby="rollout-title">
      <h3 id="rollout-title">Jobs and rollout</h3>
      <dl>
        <dt title="What happens to running Jobs when the ScaledJob changes">Rollout</dt>
        <dd>
          <code>${r.strategy.value}</code
          >${r.strategy.isDefault ? html` <span class="default">(default)</span>` : nothing}
          ${r.deprecatedField ? html`<div class="default">from the deprecated spec.rolloutStrategy</div>` : nothing}
          <div class="default">
            ${
              r.strategy.value === 'gradual'
                ? 'Running Jobs finish; new Jobs use the new template.'
                : 'Jobs of the previous version are deleted on every change.'
            }
          </div>
        </dd>
        <dt>Propagation</dt>
        <dd>${eff(r.propagationPolicy)}</dd>
        <dt>Parallelism</dt>
        <dd>${eff(t.parallelism)}</dd>
        <dt>Completions</dt>
        <dd>${eff(t.completions)}</dd>
        <dt>Backoff limit</dt>
        <dd>${eff(t.backoffLimit)}</dd>
        <dt>Restart policy</dt>
        <dd>${eff(t.restartPolicy)}</dd>
        ${
          t.activeDeadlineSeconds !== undefined
            ? html`<dt>Deadline</dt>
                <dd>${t.activeDeadlineSeconds} s</dd>`
            : nothing
        }
        ${
          t.ttlSecondsAfterFinished !== undefined
            ? html`<dt>TTL after finish</dt>
                <dd>${t.ttlSecondsAfterFinished} s</dd>`
            : nothing
        }
        ${
          t.serviceAccountName
            ? html`<dt>Service account</dt>
                <dd class="mono">${t.serviceAccountName}</dd>`
            : nothing
        }
      </dl>
    </section>`;
  }

  private renderTemplate(model: ScaledJobDetailsModel): TemplateResult {
    const secretLink = (name: string, text: string) =>
      this.link({ kind: 'Secret', apiVersion: 'v1', namespace: model.namespace, name }, text);
    const container = (c: ContainerDetails) =>
      html`<tr>
        <td>
          <span class="mono">${c.name}</span>${c.init ? html` <span class="badge">init</span>` : nothing}
        </td>
        <td class="mono">${c.image}</td>
        <td class="mono">
          ${c.command.length || c.args.length ? [...c.command, ...c.args].join(' ') : html`<span class="none">image default</span>`}
        </td>
        <td>
          ${
            c.env.length === 0 && c.envFrom.length === 0
              ? html`<span class="none">—</span>`
              : html`<ul class="kv">
                  ${c.env.map(
                    (e) =>
                      html`<li>
                        <span class="mono">${e.name}</span>
                        <span class="default">${e.secret ? secretLink(e.secret.name, e.from) : e.from}</span>
                      </li>`,
                  )}
                  ${c.envFrom.map(
                    (e) =>
                      html`<li>
                        <span class="default">all of</span>
                        <span class="default"
                          >${e.secretName ? secretLink(e.secretName, e.from) : e.from}</span
                        >
                      </li>`,
                  )}
                </ul>`
          }
        </td>
        <td>
          ${
            c.requests.length || c.limits.length
              ? html`${c.requests.length ? html`<div>requests ${c.requests.map(([k, v]) => `${k} ${v}`).join(', ')}</div>` : nothing}
                ${c.limits.length ? html`<div>limits ${c.limits.map(([k, v]) => `${k} ${v}`).join(', ')}</div>` : nothing}`
              : html`<span class="none">none</span>`
          }
        </td>
      </tr>`;
    return html`<section part="section" class="wide" aria-labelledby="template-title">
      <h3 id="template-title">Job template</h3>
      ${
        model.template.containers.length === 0
          ? html`<p class="bad">The job template has no containers.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Container</th>
                  <th>Image</th>
                  <th>Command</th>
                  <th>Environment (names only)</th>
                  <th>Resources</th>
                </tr>
              </thead>
              <tbody>
                ${model.template.containers.map(container)}
              </tbody>
            </table>`
      }
    </section>`;
  }

  private renderTriggers(model: ScaledJobDetailsModel): TemplateResult {
    const threshold = (v: TriggerDetails['target']) =>
      v === undefined
        ? html`<span class="none">—</span>`
        : html`${v.value}${v.key ? html` <span class="default">${v.key}${v.isDefault ? ', default' : ''}</span>` : nothing}`;
    return html`<section part="section" class="wide" aria-labelledby="triggers-title">
      <h3 id="triggers-title">Triggers</h3>
      ${model.metricsProblem ? html`<p class="bad">KEDA cannot build the trigger metrics: ${model.metricsProblem}</p>` : nothing}
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>Type</th>
            <th>Metric</th>
            <th>Target</th>
            <th>Activation</th>
            <th>Active</th>
            <th>Authentication</th>
            <th>Metadata</th>
          </tr>
        </thead>
        <tbody>
          ${model.triggers.map((t) => {
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
                  auth
                    ? html`${this.link({
                          kind: auth.kind,
                          apiVersion: 'keda.sh/v1alpha1',
                          namespace: auth.kind === 'TriggerAuthentication' ? model.namespace : undefined,
                          name: auth.name,
                        })}
                        <div class="default">${auth.kind}</div>`
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
          })}
        </tbody>
      </table>
    </section>`;
  }

  private renderJobs(
    model: ScaledJobDetailsModel,
    rows: OwnedJobRow[],
    error: KubeApiError | undefined,
    synced: boolean,
    now: number,
  ): TemplateResult {
    const body = error
      ? html`<p class="bad">Cannot list Jobs: <span class="api-message">${error.message}</span></p>
          <p class="none">${errorHint(error.code, 'jobs.batch')}</p>`
      : !synced
        ? html`<p class="none" role="status">Reading Jobs…</p>`
        : rows.length === 0
          ? html`<p class="none">
              No Jobs right now: KEDA creates them while a trigger is active, and keeps
              ${model.settings.find((s) => s.label === 'Successful history')?.value} successful and
              ${model.settings.find((s) => s.label === 'Failed history')?.value} failed ones.
            </p>`
          : html`<table aria-label="Jobs created by this ScaledJob">
              <thead>
                <tr>
                  <th>Job</th>
                  <th>Status</th>
                  <th>Completions</th>
                  <th>Started</th>
                  <th>Duration</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (r) =>
                    html`<tr>
                      <td class="mono">
                        ${this.link({ kind: 'Job', apiVersion: 'batch/v1', namespace: r.namespace, name: r.name })}
                        ${r.previousGeneration ? html`<div class="default">from a previous version</div>` : nothing}
                      </td>
                      <td>
                        <span class="job ${r.phase.toLowerCase()}">${r.phase}</span>
                        ${r.failure ? html`<div class="default">${r.failure}</div>` : nothing}
                      </td>
                      <td>${r.completions}</td>
                      <td>
                        ${r.startTime ? html`<span title=${r.startTime}>${ageOf(r.startTime, now)} ago</span>` : html`<span class="none">not started</span>`}
                      </td>
                      <td>${r.duration}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`;
    return html`<section part="section" class="wide" aria-labelledby="jobs-title">
      <h3 id="jobs-title">Jobs</h3>
      ${body}
    </section>`;
  }

  private renderDeleteDialog(model: ScaledJobDetailsModel, rows: OwnedJobRow[]): TemplateResult {
    const running = rows.filter((r) => r.phase === 'Running' || r.phase === 'Pending').length;
    return html`<dialog class="delete" aria-labelledby="delete-title">
      <h4 id="delete-title">Delete ScaledJob ${model.name}?</h4>
      <p>
        KEDA stops creating Jobs for it. The Jobs it created are owned by it and are deleted by the garbage
        collector${running ? html`, including <strong>${running} still running or pending</strong>` : ''}.
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
    </dialog>`;
  }

  private async run(action: Action): Promise<void> {
    const store = this.data.store;
    if (!store) return;
    const scope = { namespace: this.namespace, name: this.name };
    this.busy = action;
    this.actionError = undefined;
    this.actionDone = undefined;
    try {
      if (action === 'delete') {
        await store.client.delete(ScaledJobResource, scope);
        this.actionDone = `Deleted ScaledJob ${this.name}.`;
        this.dispatchEvent(
          new CustomEvent('keda-deleted', { detail: { ...scope }, bubbles: true, composed: true }),
        );
      } else {
        await store.client.patch(
          ScaledJobResource,
          scope,
          action === 'resume' ? resumePatch() : pausePatch(),
          'merge',
        );
        this.actionDone =
          action === 'resume'
            ? 'Scaling resumed: KEDA creates Jobs again on its next poll.'
            : 'Paused: KEDA creates no new Jobs; running Jobs finish.';
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
    'keda-scaled-job-details': ScaledJobDetails;
  }
}

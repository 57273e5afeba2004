import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ageOf } from '../../core/kube/age.js';
import { errorHint } from '../../core/kube/error-hints.js';
import {
  ClusterTriggerAuthenticationResource,
  ScaledJobResource,
  ScaledObjectResource,
  TriggerAuthenticationResource,
  type ResourceType,
} from '../../core/kube/resource.js';
import {
  DEFAULT_CLUSTER_OBJECT_NAMESPACE,
  triggerAuthDetails,
  type AuthKind,
  type TriggerAuthDetailsModel,
} from '../../core/keda/trigger-auth-details.js';
import {
  secretRefStates,
  triggerAuthUsers,
  type AuthUser,
  type SecretRefState,
} from '../../core/keda/trigger-auth-details-usage.js';
import type { ScaledJob, ScaledObject, TriggerAuthentication } from '../../core/keda/types.js';
import { linksContext, type LinkResolver, type ObjectRef } from '../../context/contexts.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { KedaStore } from '../../data/keda-store.js';
import { KubeApiError } from '../../data/kube-client.js';
import { listSecretKeys, type SecretKeys } from '../../data/secret-keys.js';
import { themeStyles } from '../../styles/theme.js';
import { statePillStyles } from '../../styles/state-pill.js';
import { detailsStyles } from '../keda-scaled-object-details/keda-scaled-object-details.styles.js';
import { triggerAuthDetailsStyles } from './keda-trigger-auth-details.styles.js';

type SecretsState =
  | { phase: 'loading' }
  | { phase: 'ready'; secrets: SecretKeys[]; at: number }
  | { phase: 'error'; error: KubeApiError };

const STATE_TEXT: Record<SecretRefState, string> = {
  found: 'found',
  'no-secret': 'Secret not found',
  'no-key': 'key not in the Secret',
  unknown: 'not checked',
};

/**
 * One TriggerAuthentication or ClusterTriggerAuthentication (`kind`): the parameters it gives
 * triggers and where each comes from (Secret name and key, ConfigMap, env, vaults; never a value),
 * its identity providers, whether the Secrets it references exist (names and key names only, from
 * a one-shot list that keeps no value), and the ScaledObjects and ScaledJobs that use it.
 *
 * @fires keda-deleted - Deleted from here; `detail` is `{namespace, name}` (namespace '' for a cluster one).
 * @csspart header - Name, kind and actions.
 * @csspart section - Each card.
 * @cssprop --keda-fg - Text colour.
 * @cssprop --keda-bg - Card background.
 * @cssprop --keda-border - Borders.
 * @cssprop --keda-accent - Links and the primary button.
 * @cssprop --keda-on-accent - Text on the primary (accent-filled) button.
 */
export class TriggerAuthDetails extends LitElement {
  static override styles = [themeStyles, statePillStyles, detailsStyles, triggerAuthDetailsStyles];

  /** `TriggerAuthentication` (namespaced) or `ClusterTriggerAuthentication`. */
  @property() kind: AuthKind = 'TriggerAuthentication';
  /** The namespace of a TriggerAuthentication (ignored for a cluster one). */
  @property() namespace = '';
  @property() name = '';
  /**
   * Where KEDA reads a ClusterTriggerAuthentication's Secrets (`KEDA_CLUSTER_OBJECT_NAMESPACE`,
   * KEDA's own namespace by default).
   */
  @property({ attribute: 'cluster-object-namespace' })
  clusterObjectNamespace = DEFAULT_CLUSTER_OBJECT_NAMESPACE;

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

  @state() private secrets: SecretsState = { phase: 'loading' };
  @state() private busy = false;
  @state() private actionError: KubeApiError | undefined;
  @state() private actionDone: string | undefined;
  @query('dialog.delete') private deleteDialog!: HTMLDialogElement | null;

  private readonly data = new StoreController(this, []);
  private readonly clock = new ClockController(this, 1000);
  private secretsFor: string | undefined;
  private secretsStore: KedaStore | undefined;

  private get cluster(): boolean {
    return this.kind === 'ClusterTriggerAuthentication';
  }

  private get resource(): ResourceType {
    return this.cluster ? ClusterTriggerAuthenticationResource : TriggerAuthenticationResource;
  }

  private get secretNamespace(): string {
    return this.cluster ? this.clusterObjectNamespace : this.namespace;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('namespace') || changed.has('name') || changed.has('kind')) {
      // A cluster one is used from every namespace; a namespaced one only from its own.
      const users = this.cluster ? undefined : this.namespace || undefined;
      this.data.need([
        { type: this.resource, namespace: this.cluster ? undefined : this.namespace || undefined },
        { type: ScaledObjectResource, namespace: users },
        { type: ScaledJobResource, namespace: users },
      ]);
      this.actionError = undefined;
      this.actionDone = undefined;
    }
    const store = this.data.store;
    if (store && (store !== this.secretsStore || this.secretNamespace !== this.secretsFor)) {
      void this.loadSecrets();
    }
  }

  /** Lists the Secrets' names and key names again (values are dropped by `listSecretKeys`). */
  async loadSecrets(): Promise<void> {
    const store = this.data.store;
    if (!store) return;
    const namespace = this.secretNamespace;
    this.secretsStore = store;
    this.secretsFor = namespace;
    this.secrets = { phase: 'loading' };
    try {
      const secrets = await listSecretKeys(store.client, namespace);
      if (this.secretsFor === namespace) this.secrets = { phase: 'ready', secrets, at: this.clock.now() };
    } catch (error) {
      if (this.secretsFor !== namespace) return;
      this.secrets = {
        phase: 'error',
        error:
          error instanceof KubeApiError
            ? error
            : new KubeApiError(0, error instanceof Error ? error.message : String(error)),
      };
    }
  }

  protected override render(): TemplateResult {
    const store = this.data.store;
    const label = this.kind;
    const qualified = this.cluster
      ? 'clustertriggerauthentications.keda.sh'
      : 'triggerauthentications.keda.sh';
    if (!store)
      return this.message(
        'Not connected',
        html`<p>Place this element inside <code>&lt;keda-connection&gt;</code>.</p>`,
      );
    const { items, state } = store.collection<TriggerAuthentication>(this.resource, {
      namespace: this.cluster ? undefined : this.namespace,
    });
    const auth = items.find((o) => o.metadata.name === this.name);
    if (!auth) {
      if (state.phase === 'error' && state.error) {
        return this.message(
          `Cannot read this ${label}`,
          html`<p class="api-message">${state.error.message}</p>
            <p>${errorHint(state.error.code, qualified)}</p>`,
        );
      }
      if (!state.synced)
        return this.message(
          'Loading…',
          html`<p>Reading ${label} ${this.cluster ? '' : `${this.namespace}/`}${this.name}.</p>`,
          true,
        );
      return this.message(
        `${label} not found`,
        html`<p class="api-message">${qualified} "${this.name}" not found</p>
          <p>
            There is no ${label} <code>${this.name}</code>${
              this.cluster ? nothing : html` in namespace <code>${this.namespace}</code>`
            }
            (any more). Check the name, or pick it from the list.
          </p>`,
      );
    }
    const model = triggerAuthDetails(auth, this.kind, this.clusterObjectNamespace);
    const scope = { namespace: this.cluster ? undefined : this.namespace };
    const sos = store.collection<ScaledObject>(ScaledObjectResource, scope);
    const sjs = store.collection<ScaledJob>(ScaledJobResource, scope);
    const users = triggerAuthUsers(model, sos.items, sjs.items);
    const usersError = sos.state.error ?? sjs.state.error;
    return html`
      ${this.renderHeader(model, auth, users)} ${this.renderNotices(qualified)}
      <div class="layout">
        ${this.renderParameters(model)}
        ${model.providers.length ? html`<div class="cards">${this.renderProviders(model)}</div>` : nothing}
        ${this.renderSecrets(model)}
        ${this.renderUsers(model, users, sos.state.synced && sjs.state.synced, usersError)}
      </div>
      ${this.renderDeleteDialog(model, users)}
    `;
  }

  private link(ref: ObjectRef, text: string | TemplateResult = ref.name): TemplateResult {
    const href = this.links?.(ref);
    return href ? html`<a href=${href}>${text}</a>` : html`${text}`;
  }

  private renderHeader(
    model: TriggerAuthDetailsModel,
    auth: TriggerAuthentication,
    users: AuthUser[],
  ): TemplateResult {
    const yaml = this.links?.({
      kind: model.kind,
      apiVersion: 'keda.sh/v1alpha1',
      namespace: model.namespace,
      name: model.name,
      view: 'yaml',
    });
    const sources = [
      ...new Set([...model.parameters.map((p) => p.source), ...model.providers.map((p) => p.title)]),
    ];
    return html`<header part="header">
      <h2>${model.name}</h2>
      ${model.namespace !== undefined ? html`<span class="ns">${model.namespace}</span>` : html`<span class="ns">cluster-wide</span>`}
      <span class="state ${users.length ? 'ready' : 'pending'}"
        >${users.length ? `Used by ${users.length}` : 'Unused'}</span
      >
      <div class="actions">
        ${yaml ? html`<a class="button-link" href=${yaml}>Edit YAML</a>` : nothing}
        <button
          type="button"
          class="danger"
          ?disabled=${this.busy}
          @click=${() => this.deleteDialog?.showModal()}
        >
          Delete
        </button>
      </div>
      <p class="summary">
        ${model.kind} · ${model.parameters.length} parameter${model.parameters.length === 1 ? '' : 's'}
        ${sources.length ? html` from ${sources.join(', ')}` : nothing} · created
        ${ageOf(auth.metadata.creationTimestamp, this.clock.now())} ago
      </p>
    </header>`;
  }

  private renderNotices(qualified: string): TemplateResult | typeof nothing {
    if (this.actionError) {
      return html`<div class="notice error" role="alert">
        <strong>The API server refused the change (${this.actionError.code || 'network'}):</strong>
        <span class="api-message">${this.actionError.message}</span>
        <div>${errorHint(this.actionError.code, qualified)}</div>
      </div>`;
    }
    if (this.actionDone) return html`<div class="notice" role="status">${this.actionDone}</div>`;
    return nothing;
  }

  private renderParameters(model: TriggerAuthDetailsModel): TemplateResult {
    const states = this.refStates(model);
    return html`<section part="section" class="wide" aria-labelledby="parameters-title">
      <h3 id="parameters-title">Parameters</h3>
      ${
        model.parameters.length === 0
          ? html`<p class="none">
              No parameters: triggers get only what the identity
              provider${model.providers.length ? ' below' : ''} gives them.
            </p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Parameter</th>
                  <th>Source</th>
                  <th>From</th>
                </tr>
              </thead>
              <tbody>
                ${model.parameters.map((p) => {
                  const state = p.secret
                    ? states.find((s) => s.name === p.secret!.name && s.key === p.secret!.key)?.state
                    : undefined;
                  return html`<tr>
                    <td class="mono">${p.parameter}</td>
                    <td>${p.source}</td>
                    <td>
                      <ul class="kv inline">
                        ${p.from.map(
                          ([k, v]) =>
                            html`<li>
                              <span>${k}</span>
                              <span class="mono"
                                >${
                                  k === 'Secret'
                                    ? this.link({
                                        kind: 'Secret',
                                        apiVersion: 'v1',
                                        namespace: model.secretNamespace,
                                        name: v,
                                      })
                                    : v
                                }</span
                              >
                            </li>`,
                        )}
                      </ul>
                      ${state && state !== 'found' ? html`<div class=${state === 'unknown' ? 'none' : 'bad'}>${STATE_TEXT[state]}</div>` : nothing}
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>`
      }
    </section>`;
  }

  private renderProviders(model: TriggerAuthDetailsModel): TemplateResult[] {
    return model.providers.map(
      (p, i) =>
        html`<section part="section" aria-labelledby=${`provider-${i}`}>
          <h3 id=${`provider-${i}`}>${p.title}</h3>
          <dl>
            ${p.fields.map(
              (f) =>
                html`<dt>${f.label}</dt>
                  <dd class="mono">
                    ${f.value}${f.isDefault ? html` <span class="default">(default)</span>` : nothing}
                  </dd>`,
            )}
          </dl>
        </section>`,
    );
  }

  private refStates(model: TriggerAuthDetailsModel) {
    return secretRefStates(
      model.secretRefs,
      this.secrets.phase === 'ready' ? this.secrets.secrets : undefined,
    );
  }

  private renderSecrets(model: TriggerAuthDetailsModel): TemplateResult {
    const states = this.refStates(model);
    const s = this.secrets;
    const status =
      s.phase === 'loading'
        ? html`<p class="none" role="status">
            Checking the Secrets in <code>${model.secretNamespace}</code>…
          </p>`
        : s.phase === 'error'
          ? html`<p class="bad" role="alert">
                Cannot list Secrets in <code>${model.secretNamespace}</code> (${s.error.code || 'network'}):
                <span class="api-message">${s.error.message}</span>
              </p>
              <p class="none">
                ${
                  s.error.code === 403
                    ? 'Without "list" on secrets here the references cannot be checked; KEDA itself may still read them.'
                    : errorHint(s.error.code, 'secrets')
                }
              </p>`
          : html`<p class="none">
              Names and keys checked in <code>${model.secretNamespace}</code>
              ${ageOf(new Date(s.at).toISOString(), this.clock.now())} ago; values are never read.
            </p>`;
    return html`<section part="section" class="wide" aria-labelledby="secrets-title">
      <h3 id="secrets-title">Secret references</h3>
      ${
        model.secretRefs.length === 0
          ? html`<p class="none">This ${model.kind} references no Secret.</p>`
          : html`${status}
              <table>
                <thead>
                  <tr>
                    <th>Secret</th>
                    <th>Key</th>
                    <th>Used for</th>
                    <th>Status</th>
                  </tr>
                </thead>
                <tbody>
                  ${states.map(
                    (r) =>
                      html`<tr>
                        <td class="mono">
                          ${this.link({ kind: 'Secret', apiVersion: 'v1', namespace: model.secretNamespace, name: r.name })}
                        </td>
                        <td class="mono">${r.key}</td>
                        <td>${r.usedFor}</td>
                        <td class=${r.state === 'found' ? 'yes' : r.state === 'unknown' ? 'none' : 'bad'}>
                          ${STATE_TEXT[r.state]}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
              <div class="row-actions">
                <button
                  type="button"
                  ?disabled=${s.phase === 'loading'}
                  @click=${() => void this.loadSecrets()}
                >
                  Check again
                </button>
              </div>`
      }
    </section>`;
  }

  private renderUsers(
    model: TriggerAuthDetailsModel,
    users: AuthUser[],
    synced: boolean,
    error: KubeApiError | undefined,
  ): TemplateResult {
    const known = new Set(users.map((u) => `${u.kind}/${u.name}`));
    const reported = [
      ...model.statusScaledObjects.map((n) => `ScaledObject/${n}`),
      ...model.statusScaledJobs.map((n) => `ScaledJob/${n}`),
    ].filter((k) => !known.has(k));
    const body = error
      ? html`<p class="bad">
            Cannot list the ScaledObjects and ScaledJobs: <span class="api-message">${error.message}</span>
          </p>
          <p class="none">${errorHint(error.code, 'scaledobjects.keda.sh')}</p>`
      : !synced
        ? html`<p class="none" role="status">Reading ScaledObjects and ScaledJobs…</p>`
        : users.length === 0
          ? html`<p class="none">
              No ScaledObject or
              ScaledJob${model.namespace !== undefined ? html` in <code>${model.namespace}</code>` : ''}
              references it: deleting it breaks nothing.
            </p>`
          : html`<table aria-label="ScaledObjects and ScaledJobs using it">
              <thead>
                <tr>
                  <th>Kind</th>
                  ${model.namespace === undefined ? html`<th>Namespace</th>` : nothing}
                  <th>Name</th>
                  <th>Triggers</th>
                </tr>
              </thead>
              <tbody>
                ${users.map(
                  (u) =>
                    html`<tr>
                      <td>${u.kind}</td>
                      ${model.namespace === undefined ? html`<td>${u.namespace}</td>` : nothing}
                      <td class="mono">
                        ${this.link({ kind: u.kind, apiVersion: 'keda.sh/v1alpha1', namespace: u.namespace, name: u.name })}
                      </td>
                      <td class="mono">${u.triggers.join(', ')}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`;
    return html`<section part="section" class="wide" aria-labelledby="users-title">
      <h3 id="users-title">Used by</h3>
      ${body}
      ${
        synced && !error && reported.length
          ? html`<p class="default">
              KEDA's status also lists ${reported.join(', ')} (not seen here: deleted since, or outside what
              you can list).
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderDeleteDialog(model: TriggerAuthDetailsModel, users: AuthUser[]): TemplateResult {
    return html`<dialog class="delete" aria-labelledby="delete-title">
      <h4 id="delete-title">Delete ${model.kind} ${model.name}?</h4>
      ${
        users.length
          ? html`<p class="bad">
              ${users.length} ${users.length === 1 ? 'object uses' : 'objects use'} it
              (${users.map((u) => `${u.kind} ${u.namespace}/${u.name}`).join(', ')}): their triggers fail
              until it is back.
            </p>`
          : html`<p>No ScaledObject or ScaledJob uses it.</p>`
      }
      <p>The Secrets it references are not deleted.</p>
      <div class="dialog-actions">
        <button type="button" @click=${() => this.deleteDialog?.close()}>Cancel</button>
        <button
          type="button"
          class="danger"
          @click=${() => {
            this.deleteDialog?.close();
            void this.deleteAuth();
          }}
        >
          Delete
        </button>
      </div>
    </dialog>`;
  }

  private async deleteAuth(): Promise<void> {
    const store = this.data.store;
    if (!store) return;
    const scope = this.cluster ? { name: this.name } : { namespace: this.namespace, name: this.name };
    this.busy = true;
    this.actionError = undefined;
    this.actionDone = undefined;
    try {
      await store.client.delete(this.resource, scope);
      this.actionDone = `Deleted ${this.kind} ${this.name}.`;
      this.dispatchEvent(
        new CustomEvent('keda-deleted', {
          detail: { namespace: this.cluster ? '' : this.namespace, name: this.name },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.actionError =
        error instanceof KubeApiError
          ? error
          : new KubeApiError(0, error instanceof Error ? error.message : String(error));
    } finally {
      this.busy = false;
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
    'keda-trigger-auth-details': TriggerAuthDetails;
  }
}

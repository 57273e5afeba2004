import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { errorHint } from '../../../core/kube/error-hints.js';
import { scalerSpec } from '../../../core/keda/scaler-catalog.js';
import type { TriggerAuthentication } from '../../../core/keda/types.js';
import {
  authParameters,
  createsSecret,
  createsTriggerAuthentication,
  newAuthParameters,
  type NewAuthDraft,
  type TriggerDraft,
} from '../../../core/keda/wizard.js';
import { domId, fieldFeedback, notice, selectField, textField, type WizardView } from './view.js';

export interface AuthStepActions {
  /** The typed value of a Secret parameter, only to restore its own password input. */
  secretValue(parameter: string): string;
  setSecretValue(parameter: string, value: string): void;
  loadSecrets(): void;
}

/** The parameters a TriggerAuthentication provides, when its spec says (secrets, env, config maps). */
export function providedParameters(ta: TriggerAuthentication): string[] | undefined {
  const s = ta.spec ?? {};
  if (
    s.hashiCorpVault ||
    s.azureKeyVault ||
    s.gcpSecretManager ||
    s.awsSecretManager ||
    s.podIdentity ||
    s.filePath
  )
    return undefined;
  return [
    ...(s.secretTargetRef ?? []).map((r) => r.parameter),
    ...(s.configMapTargetRef ?? []).map((r) => r.parameter),
    ...(s.env ?? []).map((r) => r.parameter),
    ...(s.boundServiceAccountToken ?? []).map((r) => r.parameter),
  ];
}

function renderTriggerAuth(view: WizardView, trigger: TriggerDraft, index: number): TemplateResult {
  const spec = scalerSpec(trigger.type);
  const params = authParameters(trigger);
  const field = `trigger.${trigger.id}.auth`;
  const fb = fieldFeedback(view, field);
  const { triggerAuthentications: tas, clusterTriggerAuthentications: ctas } = view.data;
  const mode = (m: TriggerDraft['auth']['mode'], label: string) =>
    html`<label class="choice inline">
      <input
        type="radio"
        name=${`auth-${trigger.id}`}
        data-field=${`${field}.${m}`}
        .checked=${trigger.auth.mode === m}
        @change=${() =>
          view.update(field, (s) => {
            const t = s.triggers.find((x) => x.id === trigger.id);
            if (t) t.auth.mode = m;
          })}
      />
      ${label}
    </label>`;
  const current = trigger.auth.name ? `${trigger.auth.kind}/${trigger.auth.name}` : '';
  const option = (kind: string, ta: TriggerAuthentication) => {
    const value = `${kind}/${ta.metadata.name ?? ''}`;
    const provided = providedParameters(ta);
    return html`<option value=${value} ?selected=${value === current}>
      ${ta.metadata.name}${provided ? ` (${provided.join(', ') || 'no parameters'})` : ''}
    </option>`;
  };
  return html`<section class="trigger-auth" data-trigger=${trigger.id} aria-labelledby=${`${field}-title`}>
    <h4 id=${`${field}-title`}>${index + 1}. ${spec?.name ?? trigger.type} <code>${trigger.type}</code></h4>
    <p class="help">
      ${
        params.length
          ? html`Needs from a TriggerAuthentication:
            ${params.map((p, i) => html`${i ? ', ' : ''}<code>${p}</code>`)}.`
          : 'Takes nothing from a TriggerAuthentication (switch a parameter to it in Triggers, or use pod identity).'
      }
    </p>
    <fieldset class="choices inline" aria-describedby=${fb.describedBy}>
      <legend class="visually-hidden">Authentication of trigger ${index + 1}</legend>
      ${mode('none', 'None')} ${mode('existing', 'An existing one')} ${mode('new', 'The new one (below)')}
    </fieldset>
    ${
      trigger.auth.mode === 'existing'
        ? html`<div class="field">
            <label for=${domId(`${field}.name`)}>TriggerAuthentication</label>
            <select
              id=${domId(`${field}.name`)}
              data-field=${`${field}.name`}
              @change=${(e: Event) =>
                view.update(field, (s) => {
                  const t = s.triggers.find((x) => x.id === trigger.id);
                  const value = (e.target as HTMLSelectElement).value;
                  if (!t) return;
                  const slash = value.indexOf('/');
                  t.auth.kind = value.slice(0, slash) as TriggerDraft['auth']['kind'];
                  t.auth.name = value.slice(slash + 1);
                })}
            >
              <option value="" ?selected=${!current}>— choose —</option>
              <optgroup label="TriggerAuthentications in ${view.state.namespace}">
                ${tas.items.map((ta) => option('TriggerAuthentication', ta))}
              </optgroup>
              <optgroup label="ClusterTriggerAuthentications">
                ${ctas.items.map((ta) => option('ClusterTriggerAuthentication', ta))}
              </optgroup>
            </select>
            ${!tas.state.synced && !tas.state.error ? html`<p class="muted" aria-busy="true">Loading…</p>` : nothing}
            ${
              tas.state.error
                ? html`<p class="field-warning">
                    Cannot list TriggerAuthentications:
                    <span class="api-message">${tas.state.error.message}</span>
                  </p>`
                : nothing
            }
            ${
              tas.state.synced && tas.items.length === 0 && ctas.items.length === 0
                ? html`<p class="muted">None exists yet: choose “The new one”.</p>`
                : nothing
            }
          </div>`
        : nothing
    }
    ${fb.messages}
  </section>`;
}

function renderSecretList(view: WizardView, actions: AuthStepActions): TemplateResult | typeof nothing {
  const secrets = view.data.secrets;
  switch (secrets.phase) {
    case 'idle':
      return html`<button type="button" @click=${() => actions.loadSecrets()}>
          List the Secrets of ${view.state.namespace}
        </button>
        <p class="help">Only names and key names are read, never values.</p>`;
    case 'loading':
      return notice('loading', `Listing Secrets in ${view.state.namespace}…`, 'Names and keys only.');
    case 'error':
      return notice(
        'error',
        `Cannot list Secrets (${secrets.error.code || 'network'})`,
        html`<p class="api-message">${secrets.error.message}</p>
          <p>${errorHint(secrets.error.code, 'secrets', 'list')} Type the Secret’s name and keys instead.</p>
          <button type="button" @click=${() => actions.loadSecrets()}>Try again</button>`,
      );
    case 'ready':
      return secrets.items.length === 0
        ? notice(
            'empty',
            `No Secrets in ${view.state.namespace}`,
            'Create a new one instead, or type a name.',
          )
        : nothing;
  }
}

function renderParameterRows(
  view: WizardView,
  actions: AuthStepActions,
  parameters: readonly string[],
): TemplateResult {
  const a = view.state.auth;
  const newSecret = a.secretMode === 'new';
  const secrets = view.data.secrets;
  const keysOfSecret =
    secrets.phase === 'ready' ? (secrets.items.find((s) => s.name === a.secretName.trim())?.keys ?? []) : [];
  return html`<table class="mapping" aria-label="Parameters and Secret keys">
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Secret key</th>
          ${newSecret ? html`<th scope="col">Value</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${parameters.map((p) => {
          const keyField = `auth.key.${p}`;
          const valueField = `auth.value.${p}`;
          const keyFb = fieldFeedback(view, keyField);
          const valueFb = fieldFeedback(view, valueField);
          return html`<tr data-parameter=${p}>
            <th scope="row"><code>${p}</code></th>
            <td>
              <input
                class="mono"
                aria-label="Secret key for ${p}"
                id=${domId(keyField)}
                data-field=${keyField}
                list=${keysOfSecret.length ? 'wizard-secret-keys' : ''}
                placeholder=${p}
                .value=${a.keys[p] ?? ''}
                aria-invalid=${keyFb.invalid ? 'true' : 'false'}
                aria-describedby=${keyFb.describedBy}
                @input=${(e: Event) => view.update(keyField, (s) => (s.auth.keys[p] = (e.target as HTMLInputElement).value))}
              />
              ${keyFb.messages}
            </td>
            ${
              newSecret
                ? html`<td>
                    <input
                      type="password"
                      autocomplete="new-password"
                      aria-label="Value of ${p} (stored in the Secret)"
                      id=${domId(valueField)}
                      data-field=${valueField}
                      data-secret=${p}
                      aria-invalid=${valueFb.invalid ? 'true' : 'false'}
                      aria-describedby=${valueFb.describedBy}
                      ${ref((el) => {
                        if (el instanceof HTMLInputElement && !el.value) el.value = actions.secretValue(p);
                      })}
                      @input=${(e: Event) => actions.setSecretValue(p, (e.target as HTMLInputElement).value)}
                    />
                    ${valueFb.messages}
                  </td>`
                : nothing
            }
          </tr>`;
        })}
      </tbody>
    </table>
    <datalist id="wizard-secret-keys">
      ${keysOfSecret.map((k) => html`<option value=${k}></option>`)}
    </datalist>`;
}

function renderNewAuth(view: WizardView, actions: AuthStepActions): TemplateResult {
  const a = view.state.auth;
  const parameters = newAuthParameters(view.state);
  const secrets = view.data.secrets;
  const secretNames = secrets.phase === 'ready' ? secrets.items.map((s) => s.name) : [];
  return html`<section class="new-auth" aria-labelledby="new-auth-title">
    <h4 id="new-auth-title">New TriggerAuthentication</h4>
    <div class="grid-2">
      ${textField(view, {
        field: 'auth.name',
        label: 'TriggerAuthentication name',
        value: a.name,
        set: (s, v) => (s.auth.name = v),
      })}
      ${selectField(view, {
        field: 'auth.podIdentity',
        label: 'Pod identity',
        value: a.podIdentity,
        defaultLabel: 'none',
        choices: ['azure-workload', 'gcp', 'aws', 'aws-eks'],
        help: 'Let the cloud provider’s workload identity authenticate KEDA instead of (or besides) a Secret.',
        set: (s, v) => (s.auth.podIdentity = v as NewAuthDraft['podIdentity']),
      })}
    </div>
    ${
      a.podIdentity === 'azure-workload'
        ? textField(view, {
            field: 'auth.identityId',
            label: 'identityId (optional)',
            value: a.identityId,
            set: (s, v) => (s.auth.identityId = v),
          })
        : nothing
    }
    ${
      a.podIdentity === 'aws' || a.podIdentity === 'aws-eks'
        ? textField(view, {
            field: 'auth.roleArn',
            label: 'roleArn (optional)',
            value: a.roleArn,
            mono: true,
            set: (s, v) => (s.auth.roleArn = v),
          })
        : nothing
    }
    ${
      parameters.length
        ? html`<fieldset class="choices inline">
              <legend>The Secret it reads</legend>
              <label class="choice inline">
                <input
                  type="radio"
                  name="secret-mode"
                  data-field="auth.secretMode.new"
                  .checked=${a.secretMode === 'new'}
                  @change=${() => view.update('auth.secretMode', (s) => (s.auth.secretMode = 'new'))}
                />
                A new Secret (values typed here, sent straight to the API)
              </label>
              <label class="choice inline">
                <input
                  type="radio"
                  name="secret-mode"
                  data-field="auth.secretMode.existing"
                  .checked=${a.secretMode === 'existing'}
                  @change=${() => view.update('auth.secretMode', (s) => (s.auth.secretMode = 'existing'))}
                />
                An existing Secret
              </label>
            </fieldset>
            ${a.secretMode === 'existing' ? renderSecretList(view, actions) : nothing}
            ${textField(view, {
              field: 'auth.secretName',
              label: 'Secret name',
              value: a.secretName,
              list: secretNames.length ? 'wizard-secrets' : undefined,
              set: (s, v) => (s.auth.secretName = v),
            })}
            <datalist id="wizard-secrets">
              ${secretNames.map((n) => html`<option value=${n}></option>`)}
            </datalist>
            ${renderParameterRows(view, actions, parameters)}
            ${
              createsSecret(view.state)
                ? html`<p class="help">
                    Values go only into the Secret’s create request; they are masked everywhere else and
                    forgotten once it is created.
                  </p>`
                : nothing
            }`
        : nothing
    }
  </section>`;
}

/** Step 4: which TriggerAuthentication each trigger uses, and the new one (over a Secret) if any. */
export function renderAuthStep(view: WizardView, actions: AuthStepActions): TemplateResult {
  const relevant = view.state.triggers.filter(
    (t) => scalerSpec(t.type)?.supportsTriggerAuthentication || authParameters(t).length > 0,
  );
  if (relevant.length === 0) {
    return notice(
      'info',
      'No authentication needed',
      view.state.triggers.length
        ? 'None of the triggers reads a TriggerAuthentication. Go on to the advanced settings.'
        : 'Add a trigger first.',
    );
  }
  return html`${relevant.map((t) => renderTriggerAuth(view, t, view.state.triggers.indexOf(t)))}
  ${createsTriggerAuthentication(view.state) ? renderNewAuth(view, actions) : nothing}`;
}

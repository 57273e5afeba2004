import { html, nothing, type TemplateResult } from 'lit';
import { errorHint } from '../../../core/kube/error-hints.js';
import type { WizardState } from '../../../core/keda/wizard.js';
import {
  domId,
  fieldFeedback,
  notice,
  selectField,
  textField,
  type WizardView,
  type WorkloadItem,
} from './view.js';

const selectWorkload = (s: WizardState, w: WorkloadItem): void => {
  s.target.apiVersion = w.apiVersion;
  s.target.kind = w.kind;
  s.target.name = w.name;
  if (!s.name.trim()) s.name = w.name;
};

function renderKindChoice(view: WizardView): TemplateResult {
  const kind = view.state.kind;
  const option = (value: WizardState['kind'], label: string, help: string) =>
    html`<label class="choice">
      <input
        type="radio"
        name="wizard-kind"
        data-field="kind.${value}"
        .checked=${kind === value}
        @change=${() => view.update('kind', (s) => (s.kind = value))}
      />
      <span><strong>${label}</strong><span class="help">${help}</span></span>
    </label>`;
  return html`<fieldset class="choices">
    <legend>What to create</legend>
    ${option('ScaledObject', 'ScaledObject', 'Scales a Deployment, StatefulSet or any resource with /scale, down to zero.')}
    ${option('ScaledJob', 'ScaledJob', 'Starts a Kubernetes Job per batch of work, for long-running or one-off tasks.')}
  </fieldset>`;
}

function renderWorkloads(view: WizardView): TemplateResult {
  const { workloads } = view.data;
  const t = view.state.target;
  const ns = view.state.namespace;
  const toManual = html`<button
    type="button"
    class="link"
    @click=${() => view.update('target.mode', (s) => (s.target.mode = 'manual'))}
  >
    enter apiVersion/kind/name by hand
  </button>`;
  if (workloads.state.error && !workloads.state.synced) {
    const e = workloads.state.error;
    return notice(
      'error',
      `Cannot list workloads in ${ns} (${e.code || 'network'})`,
      html`<p class="api-message">${e.message}</p>
        <p>${errorHint(e.code, 'deployments.apps and statefulsets.apps')} You can also ${toManual}.</p>`,
    );
  }
  if (!workloads.state.synced) {
    return notice(
      'loading',
      `Loading Deployments and StatefulSets in ${ns}…`,
      'They appear here as soon as the list arrives.',
    );
  }
  if (workloads.items.length === 0) {
    return notice(
      'empty',
      `No Deployments or StatefulSets in ${ns}`,
      html`<p>
        Pick another namespace above, ${toManual} (any resource with a <code>/scale</code> subresource, such
        as an Argo Rollout), or create the workload first (<code
          >kubectl apply -n ${ns} -f deployment.yaml</code
        >): it appears here as soon as it exists.
      </p>`,
    );
  }
  const fb = fieldFeedback(view, 'target.name');
  return html`<fieldset class="workloads" aria-describedby=${fb.describedBy}>
      <legend>Workload in ${ns}</legend>
      <div class="workload-list" role="radiogroup" aria-label="Workloads">
        ${workloads.items.map((w) => {
          const checked = t.name === w.name && t.kind === w.kind && t.apiVersion === w.apiVersion;
          return html`<label class="workload ${checked ? 'selected' : ''}">
            <input
              type="radio"
              name="workload"
              data-field="target.workload"
              data-workload=${`${w.kind}/${w.name}`}
              .checked=${checked}
              @change=${() => view.update('target.name', (s) => selectWorkload(s, w))}
            />
            <span class="workload-name">${w.name}</span>
            <span class="muted">${w.kind}</span>
            <span class="muted">${w.ready ?? 0}/${w.replicas ?? 0} ready</span>
          </label>`;
        })}
      </div>
    </fieldset>
    ${fb.messages}`;
}

function renderManualTarget(view: WizardView): TemplateResult {
  const t = view.state.target;
  return html`<div class="grid-3">
    ${textField(view, {
      field: 'target.apiVersion',
      label: 'apiVersion',
      value: t.apiVersion,
      placeholder: 'apps/v1 (default)',
      mono: true,
      set: (s, v) => (s.target.apiVersion = v),
    })}
    ${textField(view, {
      field: 'target.kind',
      label: 'Kind',
      value: t.kind,
      placeholder: 'Deployment (default)',
      mono: true,
      set: (s, v) => (s.target.kind = v),
    })}
    ${textField(view, {
      field: 'target.name',
      label: 'Name',
      value: t.name,
      mono: true,
      set: (s, v) => (s.target.name = v),
    })}
  </div>`;
}

function renderScaledObjectTarget(view: WizardView): TemplateResult {
  const t = view.state.target;
  const containers =
    view.data.workloads.items.find((w) => w.name === t.name && w.kind === t.kind)?.containers ?? [];
  return html`<div class="segmented" role="group" aria-label="How to choose the target">
      <button
        type="button"
        aria-pressed=${t.mode === 'list' ? 'true' : 'false'}
        @click=${() => view.update('target.mode', (s) => (s.target.mode = 'list'))}
      >
        Pick a workload
      </button>
      <button
        type="button"
        aria-pressed=${t.mode === 'manual' ? 'true' : 'false'}
        @click=${() => view.update('target.mode', (s) => (s.target.mode = 'manual'))}
      >
        apiVersion/kind/name
      </button>
    </div>
    ${t.mode === 'list' ? renderWorkloads(view) : renderManualTarget(view)}
    ${
      containers.length > 1
        ? selectField(view, {
            field: 'target.envSourceContainerName',
            label: 'Container for <key>FromEnv',
            value: t.envSourceContainerName,
            choices: containers,
            defaultLabel: `the first (${containers[0]})`,
            help: 'Which container’s environment KEDA reads when a trigger parameter comes from an env var.',
            set: (s, v) => (s.target.envSourceContainerName = v),
          })
        : nothing
    }`;
}

function renderJobTemplate(view: WizardView): TemplateResult {
  const j = view.state.job;
  const form = html`<div class="grid-2">
      ${textField(view, {
        field: 'job.containerName',
        label: 'Container name',
        value: j.containerName,
        set: (s, v) => (s.job.containerName = v),
      })}
      ${textField(view, {
        field: 'job.image',
        label: 'Image',
        value: j.image,
        placeholder: 'ghcr.io/acme/worker:1.4',
        mono: true,
        set: (s, v) => (s.job.image = v),
      })}
    </div>
    <div class="grid-2">
      ${textArea(view, 'job.command', 'Command (one item per line)', j.command, (s, v) => (s.job.command = v))}
      ${textArea(view, 'job.args', 'Arguments (one item per line)', j.args, (s, v) => (s.job.args = v))}
    </div>
    <fieldset class="env">
      <legend>Environment</legend>
      <p class="help">
        Plain values only: keep credentials in a Secret and let the trigger read them through a
        TriggerAuthentication.
      </p>
      ${j.env.map(
        (e, i) =>
          html`<div class="env-row" data-field-row=${`job.env.${i}`}>
            <input
              aria-label="Variable ${i + 1} name"
              data-field=${`job.env.${i}.name`}
              class="mono"
              .value=${e.name}
              placeholder="NAME"
              @input=${(ev: Event) =>
                view.update(
                  `job.env.${i}`,
                  (s) => (s.job.env[i]!.name = (ev.target as HTMLInputElement).value),
                )}
            />
            <input
              aria-label="Variable ${i + 1} value"
              data-field=${`job.env.${i}.value`}
              .value=${e.value}
              placeholder="value"
              @input=${(ev: Event) =>
                view.update(
                  `job.env.${i}`,
                  (s) => (s.job.env[i]!.value = (ev.target as HTMLInputElement).value),
                )}
            />
            <button type="button" @click=${() => view.update(`job.env.${i}`, (s) => s.job.env.splice(i, 1))}>
              Remove
            </button>
            ${fieldFeedback(view, `job.env.${i}`).messages}
          </div>`,
      )}
      <button
        type="button"
        @click=${() => view.update(undefined, (s) => s.job.env.push({ name: '', value: '' }))}
      >
        Add a variable
      </button>
    </fieldset>
    <div class="grid-2">
      ${selectField(view, {
        field: 'job.restartPolicy',
        label: 'Restart policy',
        value: j.restartPolicy,
        choices: ['Never', 'OnFailure'],
        set: (s, v) => (s.job.restartPolicy = v as 'Never' | 'OnFailure'),
      })}
      ${textField(view, {
        field: 'job.backoffLimit',
        label: 'Backoff limit',
        value: j.backoffLimit,
        type: 'number',
        placeholder: '6 (Kubernetes default)',
        help: 'Retries before the Job counts as failed.',
        set: (s, v) => (s.job.backoffLimit = v),
      })}
    </div>`;
  return html`<div class="segmented" role="group" aria-label="How to give the Job template">
      <button
        type="button"
        aria-pressed=${j.mode === 'form' ? 'true' : 'false'}
        @click=${() => view.update('job.mode', (s) => (s.job.mode = 'form'))}
      >
        One container
      </button>
      <button
        type="button"
        aria-pressed=${j.mode === 'paste' ? 'true' : 'false'}
        @click=${() => view.update('job.mode', (s) => (s.job.mode = 'paste'))}
      >
        Paste a JobSpec
      </button>
    </div>
    ${
      j.mode === 'form'
        ? form
        : textArea(
            view,
            'job.pasted',
            'JobSpec (YAML or JSON): template, backoffLimit, activeDeadlineSeconds…',
            j.pasted,
            (s, v) => (s.job.pasted = v),
            12,
          )
    }`;
}

function textArea(
  view: WizardView,
  field: string,
  label: string,
  value: string,
  set: (s: WizardState, v: string) => void,
  rows = 3,
): TemplateResult {
  const fb = fieldFeedback(view, field);
  const id = domId(field);
  return html`<div class="field" data-field-row=${field}>
    <label for=${id}>${label}</label>
    <textarea
      id=${id}
      class="mono"
      rows=${rows}
      data-field=${field}
      spellcheck="false"
      .value=${value}
      aria-invalid=${fb.invalid ? 'true' : 'false'}
      aria-describedby=${fb.describedBy}
      @input=${(e: Event) => view.update(field, (s) => set(s, (e.target as HTMLTextAreaElement).value))}
    ></textarea>
    ${fb.messages}
  </div>`;
}

/** Step 1: what to create, where, and what it scales (or the Job it starts). */
export function renderTargetStep(view: WizardView): TemplateResult {
  const s = view.state;
  const namespaces = view.data.namespaces.items;
  return html`${renderKindChoice(view)}
    <div class="grid-2">
      ${textField(view, {
        field: 'namespace',
        label: 'Namespace',
        value: s.namespace,
        list: 'wizard-namespaces',
        help: 'Where the objects are created; the workloads listed below are from here.',
        set: (st, v) => (st.namespace = v.trim()),
      })}
      ${textField(view, {
        field: 'name',
        label: `${s.kind} name`,
        value: s.name,
        placeholder: s.kind === 'ScaledObject' ? 'usually the workload’s name' : 'e.g. orders-worker',
        set: (st, v) => (st.name = v),
      })}
    </div>
    <datalist id="wizard-namespaces">${namespaces.map((n) => html`<option value=${n}></option>`)}</datalist>
    ${s.kind === 'ScaledObject' ? renderScaledObjectTarget(view) : renderJobTemplate(view)}`;
}

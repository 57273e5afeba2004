import { html, nothing, type TemplateResult } from 'lit';
import type { ObjectRef } from '../../../context/contexts.js';
import type { InformerState } from '../../../data/informer.js';
import type { SecretKeys } from '../../../data/secret-keys.js';
import type { KubeApiError } from '../../../data/kube-client.js';
import type { LocatedProblem, WizardIssue, WizardState, WizardStep } from '../../../core/keda/wizard.js';
import type { TriggerAuthentication } from '../../../core/keda/types.js';

/** A watched list as the steps see it. */
export interface ListData<T> {
  items: readonly T[];
  state: InformerState;
}

/** A workload the target step can offer. */
export interface WorkloadItem {
  apiVersion: string;
  kind: string;
  name: string;
  replicas?: number;
  ready?: number;
  containers: string[];
}

/** What the steps read from the cluster (through the store, never directly). */
export interface WizardData {
  namespaces: ListData<string>;
  workloads: ListData<WorkloadItem>;
  triggerAuthentications: ListData<TriggerAuthentication>;
  clusterTriggerAuthentications: ListData<TriggerAuthentication>;
  secrets:
    | { phase: 'idle' }
    | { phase: 'loading' }
    | { phase: 'ready'; items: readonly SecretKeys[] }
    | { phase: 'error'; error: KubeApiError };
}

/** Everything a step renderer needs: the state, the problems to show, and how to change things. */
export interface WizardView {
  state: WizardState;
  data: WizardData;
  /** Client-side issues of this step (errors only once the person tried to go on). */
  issues: readonly WizardIssue[];
  /** API problems (from the last dry run or create) placed at fields. */
  apiProblems: readonly LocatedProblem[];
  /** Changes the state; `field` clears that field's API problems. */
  update(field: string | undefined, change: (state: WizardState) => void): void;
  /** Moves to a step (to fix a field there). */
  goTo(step: WizardStep, field?: string): void;
  link(ref: ObjectRef): string | undefined;
}

/** Messages for one field: client issues then API problems. */
export function fieldMessages(
  view: WizardView,
  field: string,
): Array<{ text: string; severity: 'error' | 'warning'; api: boolean }> {
  return [
    ...view.issues
      .filter((i) => i.field === field)
      .map((i) => ({ text: i.message, severity: i.severity, api: false })),
    ...view.apiProblems
      .filter((p) => p.field === field)
      .map((p) => ({ text: p.message, severity: 'error' as const, api: true })),
  ];
}

/** An id usable in `id`/`aria-describedby` for a field id. */
export const domId = (field: string): string => `f-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The messages under a field (`role=alert` for errors) and the attributes the input takes. */
export function fieldFeedback(
  view: WizardView,
  field: string,
): {
  invalid: boolean;
  describedBy: string;
  messages: TemplateResult | typeof nothing;
} {
  const messages = fieldMessages(view, field);
  if (messages.length === 0) return { invalid: false, describedBy: '', messages: nothing };
  const id = `${domId(field)}-msg`;
  return {
    invalid: messages.some((m) => m.severity === 'error'),
    describedBy: id,
    messages: html`<div class="field-messages" id=${id} data-messages-for=${field}>
      ${messages.map(
        (m) =>
          html`<p class=${m.severity === 'error' ? 'field-error' : 'field-warning'}>
            ${m.api ? html`<span class="api-tag">API:</span> ` : nothing}${m.text}
          </p>`,
      )}
    </div>`,
  };
}

/** A labelled text input bound to one state field. */
export function textField(
  view: WizardView,
  options: {
    field: string;
    label: string;
    value: string;
    help?: string;
    placeholder?: string;
    type?: 'text' | 'number';
    list?: string;
    mono?: boolean;
    set: (state: WizardState, value: string) => void;
  },
): TemplateResult {
  const fb = fieldFeedback(view, options.field);
  const id = domId(options.field);
  const helpId = options.help ? `${id}-help` : '';
  return html`<div class="field" data-field-row=${options.field}>
    <label for=${id}>${options.label}</label>
    <input
      id=${id}
      class=${options.mono ? 'mono' : ''}
      type=${options.type ?? 'text'}
      inputmode=${options.type === 'number' ? 'numeric' : 'text'}
      data-field=${options.field}
      .value=${options.value}
      placeholder=${options.placeholder ?? ''}
      list=${options.list ?? ''}
      autocomplete="off"
      spellcheck="false"
      aria-invalid=${fb.invalid ? 'true' : 'false'}
      aria-describedby=${[helpId, fb.describedBy].filter(Boolean).join(' ')}
      @input=${(e: Event) => view.update(options.field, (s) => options.set(s, (e.target as HTMLInputElement).value))}
    />
    ${options.help ? html`<p class="help" id=${helpId}>${options.help}</p>` : nothing} ${fb.messages}
  </div>`;
}

/** A labelled select bound to one state field; `''` is "KEDA's default" when `defaultLabel` is given. */
export function selectField(
  view: WizardView,
  options: {
    field: string;
    label: string;
    value: string;
    choices: ReadonlyArray<string | { value: string; label: string }>;
    defaultLabel?: string;
    help?: string;
    set: (state: WizardState, value: string) => void;
  },
): TemplateResult {
  const fb = fieldFeedback(view, options.field);
  const id = domId(options.field);
  const helpId = options.help ? `${id}-help` : '';
  const choices = options.choices.map((c) => (typeof c === 'string' ? { value: c, label: c } : c));
  return html`<div class="field" data-field-row=${options.field}>
    <label for=${id}>${options.label}</label>
    <select
      id=${id}
      data-field=${options.field}
      aria-invalid=${fb.invalid ? 'true' : 'false'}
      aria-describedby=${[helpId, fb.describedBy].filter(Boolean).join(' ')}
      @change=${(e: Event) => view.update(options.field, (s) => options.set(s, (e.target as HTMLSelectElement).value))}
    >
      ${
        options.defaultLabel !== undefined
          ? html`<option value="" ?selected=${options.value === ''}>${options.defaultLabel}</option>`
          : nothing
      }
      ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === options.value}>${c.label}</option>`)}
    </select>
    ${options.help ? html`<p class="help" id=${helpId}>${options.help}</p>` : nothing} ${fb.messages}
  </div>`;
}

/** A checkbox bound to one state field. */
export function checkField(
  view: WizardView,
  options: {
    field: string;
    label: string;
    checked: boolean;
    help?: string;
    set: (state: WizardState, value: boolean) => void;
  },
): TemplateResult {
  const fb = fieldFeedback(view, options.field);
  const id = domId(options.field);
  return html`<div class="field check" data-field-row=${options.field}>
    <label>
      <input
        id=${id}
        type="checkbox"
        data-field=${options.field}
        .checked=${options.checked}
        aria-describedby=${fb.describedBy}
        @change=${(e: Event) => view.update(options.field, (s) => options.set(s, (e.target as HTMLInputElement).checked))}
      />
      ${options.label}
    </label>
    ${options.help ? html`<p class="help">${options.help}</p>` : nothing} ${fb.messages}
  </div>`;
}

/** The error summary at the top of a step: each message with a button that focuses its field. */
export function issueSummary(
  view: WizardView,
  focus: (field: string) => void,
): TemplateResult | typeof nothing {
  const errors = [
    ...view.issues.filter((i) => i.severity === 'error').map((i) => ({ field: i.field, message: i.message })),
    ...view.apiProblems.map((p) => ({ field: p.field ?? '', message: p.message })),
  ];
  if (errors.length === 0) return nothing;
  return html`<div class="issue-summary" role="alert" part="issues">
    <p>
      <strong
        >${errors.length === 1 ? 'One thing to fix' : `${errors.length} things to fix`} before going
        on:</strong
      >
    </p>
    <ul>
      ${errors.map(
        (e) =>
          html`<li>
            ${
              e.field
                ? html`<button type="button" class="link" @click=${() => focus(e.field)}>
                    ${e.message}
                  </button>`
                : e.message
            }
          </li>`,
      )}
    </ul>
  </div>`;
}

/** A loading / empty / error message inside a step. */
export function notice(
  kind: 'loading' | 'empty' | 'error' | 'info',
  title: string,
  body: TemplateResult | string,
): TemplateResult {
  return html`<div
    class="notice ${kind}"
    role=${kind === 'error' ? 'alert' : 'status'}
    aria-busy=${kind === 'loading' ? 'true' : 'false'}
    part="notice"
  >
    <strong>${title}</strong>
    <div>${body}</div>
  </div>`;
}

import { html, nothing, type TemplateResult } from 'lit';
import {
  paramFields,
  scalerCategories,
  scalerSpec,
  searchScalers,
  type ParamField,
  type ParamSource,
} from '../../../core/keda/scaler-catalog.js';
import { paramFieldId, type TriggerDraft, type WizardState } from '../../../core/keda/wizard.js';
import { checkField, domId, fieldFeedback, selectField, textField, type WizardView } from './view.js';

/** The trigger picker's own UI state (kept by the element across steps). */
export interface PickerState {
  query: string;
  category: string;
  open: boolean;
}

export interface TriggerStepActions {
  picker: PickerState;
  setPicker(change: Partial<PickerState>): void;
  addTrigger(type: string): void;
}

const SOURCE_LABEL: Record<ParamSource, string> = {
  value: 'Value',
  auth: 'TriggerAuthentication',
  env: 'Env var',
};

function triggerOf(s: WizardState, id: string): TriggerDraft {
  const t = s.triggers.find((x) => x.id === id);
  if (!t) throw new Error(`no trigger ${id}`);
  return t;
}

function renderPicker(actions: TriggerStepActions): TemplateResult {
  const { picker } = actions;
  const results = searchScalers(picker.query, picker.category || undefined);
  return html`<section class="picker" aria-labelledby="picker-title">
    <h4 id="picker-title">Add a trigger</h4>
    <div class="picker-controls">
      <input
        type="search"
        data-field="picker.query"
        aria-label="Search trigger types"
        placeholder="Search 79 trigger types: rabbitmq, kafka, queue, prometheus, cron…"
        .value=${picker.query}
        @input=${(e: Event) => actions.setPicker({ query: (e.target as HTMLInputElement).value })}
      />
      <select
        aria-label="Category"
        data-field="picker.category"
        @change=${(e: Event) => actions.setPicker({ category: (e.target as HTMLSelectElement).value })}
      >
        <option value="" ?selected=${!picker.category}>All categories</option>
        ${scalerCategories().map((c) => html`<option value=${c} ?selected=${picker.category === c}>${c}</option>`)}
      </select>
    </div>
    <p class="muted" role="status">${results.length} of 79 types</p>
    <ul class="picker-results" aria-label="Trigger types">
      ${results.map(
        (s) =>
          html`<li>
            <button
              type="button"
              class="picker-item"
              data-type=${s.type}
              @click=${() => actions.addTrigger(s.type)}
            >
              <span class="picker-name">${s.name}</span>
              <code>${s.type}</code>
              <span class="badge">${s.category}</span>
              ${s.testOnly ? html`<span class="badge warn">test only</span>` : nothing}
              <span class="picker-desc">${s.description}</span>
            </button>
          </li>`,
      )}
    </ul>
  </section>`;
}

function renderSources(
  view: WizardView,
  trigger: TriggerDraft,
  field: ParamField,
): TemplateResult | typeof nothing {
  if (field.sources.length < 2) return nothing;
  const current = trigger.params[field.name]?.source;
  return html`<div class="segmented small" role="group" aria-label="Where ${field.name} comes from">
    ${field.sources.map(
      (source) =>
        html`<button
          type="button"
          data-source=${source}
          aria-pressed=${current === source ? 'true' : 'false'}
          @click=${() =>
            view.update(paramFieldId(trigger, field.name), (s) => {
              const t = triggerOf(s, trigger.id);
              t.params[field.name] = { source, value: '', enabled: true };
              if (source === 'auth' && t.auth.mode === 'none') t.auth.mode = 'new';
            })}
        >
          ${source === 'env' ? `Env var (${field.fromEnvKey})` : SOURCE_LABEL[source]}
        </button>`,
    )}
  </div>`;
}

function renderParamInput(view: WizardView, trigger: TriggerDraft, field: ParamField): TemplateResult {
  const draft = trigger.params[field.name];
  const id = paramFieldId(trigger, field.name);
  const fb = fieldFeedback(view, id);
  const domid = domId(id);
  const set = (value: string) =>
    view.update(id, (s) => {
      const t = triggerOf(s, trigger.id);
      const p = t.params[field.name];
      if (p) p.value = value;
    });
  if (field.unsupported) return html`<p class="field-warning">${field.unsupported}</p>`;
  if (!draft) return html``;
  if (draft.source === 'auth') {
    if (field.required)
      return html`<p class="muted" data-field=${id}>
        Provided by the TriggerAuthentication (next step), never typed into the trigger.
      </p>`;
    return html`<label class="check">
      <input
        type="checkbox"
        data-field=${id}
        .checked=${draft.enabled}
        @change=${(e: Event) =>
          view.update(id, (s) => {
            const t = triggerOf(s, trigger.id);
            const p = t.params[field.name];
            if (p) p.enabled = (e.target as HTMLInputElement).checked;
            if (p?.enabled && t.auth.mode === 'none') t.auth.mode = 'new';
          })}
      />
      Take it from the TriggerAuthentication
    </label>`;
  }
  const common = {
    id: domid,
    invalid: fb.invalid ? 'true' : 'false',
    describedBy: fb.describedBy,
  };
  if (draft.source === 'env') {
    return html`<input
      id=${common.id}
      class="mono"
      data-field=${id}
      aria-label="${field.fromEnvKey}: env var name"
      placeholder="ENV_VAR_NAME in the workload’s container"
      .value=${draft.value}
      aria-invalid=${common.invalid}
      aria-describedby=${common.describedBy}
      @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
    />`;
  }
  const choices = field.enum ?? (field.valueType === 'bool' ? ['true', 'false'] : undefined);
  if (choices) {
    return html`<select
      id=${common.id}
      data-field=${id}
      aria-invalid=${common.invalid}
      aria-describedby=${common.describedBy}
      @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${draft.value === ''}>
        ${field.default !== undefined ? `default (${field.default})` : field.required ? '— choose —' : '— not set —'}
      </option>
      ${choices.map((c) => html`<option value=${c} ?selected=${draft.value === c}>${c}</option>`)}
    </select>`;
  }
  return html`<input
    id=${common.id}
    class="mono"
    data-field=${id}
    inputmode=${field.valueType === 'int' || field.valueType === 'float' ? 'decimal' : 'text'}
    placeholder=${field.default !== undefined ? `default ${field.default}` : field.required ? 'required' : ''}
    .value=${draft.value}
    spellcheck="false"
    autocomplete="off"
    aria-invalid=${common.invalid}
    aria-describedby=${common.describedBy}
    @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
  />`;
}

function renderParam(view: WizardView, trigger: TriggerDraft, field: ParamField): TemplateResult {
  const id = paramFieldId(trigger, field.name);
  const fb = fieldFeedback(view, id);
  return html`<div class="param" data-field-row=${id} data-param=${field.name}>
    <div class="param-head">
      <label for=${domId(id)}><code>${field.name}</code></label>
      ${field.required ? html`<span class="badge">required</span>` : nothing}
      ${field.role === 'target' ? html`<span class="badge info">target</span>` : nothing}
      ${field.role === 'activation' ? html`<span class="badge info">activation</span>` : nothing}
      ${field.credential ? html`<span class="badge warn">credential</span>` : nothing}
      ${field.deprecatedAnnounce ? html`<span class="badge warn">deprecated</span>` : nothing}
    </div>
    ${field.description ? html`<p class="help">${field.description}</p>` : nothing}
    ${renderSources(view, trigger, field)} ${renderParamInput(view, trigger, field)} ${fb.messages}
  </div>`;
}

function renderExtra(view: WizardView, trigger: TriggerDraft): TemplateResult {
  return html`<fieldset class="extra">
    <legend>Other metadata keys</legend>
    ${trigger.extra.map((e, i) => {
      const field = `trigger.${trigger.id}.extra.${i}`;
      const fb = fieldFeedback(view, field);
      return html`<div class="env-row" data-field-row=${field}>
        <input
          class="mono"
          aria-label="Key ${i + 1}"
          data-field=${`${field}.key`}
          .value=${e.key}
          aria-invalid=${fb.invalid ? 'true' : 'false'}
          aria-describedby=${fb.describedBy}
          @input=${(ev: Event) =>
            view.update(
              field,
              (s) => (triggerOf(s, trigger.id).extra[i]!.key = (ev.target as HTMLInputElement).value),
            )}
        />
        <input
          class="mono"
          aria-label="Value ${i + 1}"
          data-field=${`${field}.value`}
          .value=${e.value}
          aria-invalid=${fb.invalid ? 'true' : 'false'}
          aria-describedby=${fb.describedBy}
          @input=${(ev: Event) =>
            view.update(
              field,
              (s) => (triggerOf(s, trigger.id).extra[i]!.value = (ev.target as HTMLInputElement).value),
            )}
        />
        <button
          type="button"
          @click=${() => view.update(field, (s) => triggerOf(s, trigger.id).extra.splice(i, 1))}
        >
          Remove
        </button>
        ${fb.messages}
      </div>`;
    })}
    <button
      type="button"
      @click=${() => view.update(undefined, (s) => triggerOf(s, trigger.id).extra.push({ key: '', value: '' }))}
    >
      Add a key
    </button>
  </fieldset>`;
}

function renderTrigger(view: WizardView, trigger: TriggerDraft, index: number): TemplateResult {
  const spec = scalerSpec(trigger.type);
  const fields = paramFields(trigger.type);
  const isPrimary = (f: ParamField) => f.required || f.role || f.primary;
  const primary = fields.filter(isPrimary);
  const secondary = fields.filter((f) => !isPrimary(f));
  const resource = trigger.type === 'cpu' || trigger.type === 'memory';
  const prefix = `trigger.${trigger.id}`;
  const typeFeedback = fieldFeedback(view, `${prefix}.type`);
  return html`<section class="trigger" data-trigger=${trigger.id} aria-labelledby=${`${prefix}-title`}>
    <header>
      <h4 id=${`${prefix}-title`}>
        ${index + 1}. ${spec?.name ?? trigger.type} <code>${trigger.type}</code>
      </h4>
      <button
        type="button"
        class="danger"
        aria-label="Remove trigger ${index + 1} (${trigger.type})"
        @click=${() => view.update(prefix, (s) => (s.triggers = s.triggers.filter((t) => t.id !== trigger.id)))}
      >
        Remove
      </button>
    </header>
    ${spec?.description ? html`<p class="help">${spec.description}</p>` : nothing} ${typeFeedback.messages}
    <div class="grid-3">
      ${textField(view, {
        field: `${prefix}.name`,
        label: 'Trigger name',
        value: trigger.name,
        placeholder: 'optional; needed in formulas',
        help: 'Names the trigger in scalingModifiers formulas and in status.',
        set: (s, v) => (triggerOf(s, trigger.id).name = v),
      })}
      ${selectField(view, {
        field: `${prefix}.metricType`,
        label: 'metricType',
        value: trigger.metricType,
        defaultLabel: resource ? '— choose —' : 'AverageValue (default)',
        choices: resource ? ['Utilization', 'AverageValue'] : ['AverageValue', 'Value'],
        help: resource
          ? 'Utilization: percent of the pods’ requests; AverageValue: an amount per pod.'
          : 'AverageValue divides the metric by the replicas; Value compares it as a whole.',
        set: (s, v) => (triggerOf(s, trigger.id).metricType = v as TriggerDraft['metricType']),
      })}
      ${
        resource || trigger.type === 'cron'
          ? nothing
          : checkField(view, {
              field: `${prefix}.useCachedMetrics`,
              label: 'Use cached metrics',
              checked: trigger.useCachedMetrics,
              help: 'The HPA reads the value KEDA polled last instead of querying the scaler again.',
              set: (s, v) => (triggerOf(s, trigger.id).useCachedMetrics = v),
            })
      }
    </div>
    <div class="params">${primary.map((f) => renderParam(view, trigger, f))}</div>
    ${
      secondary.length
        ? html`<details
            class="optional"
            ?open=${secondary.some((f) => fieldFeedback(view, paramFieldId(trigger, f.name)).invalid)}
          >
            <summary>Optional settings (${secondary.length})</summary>
            <div class="params">${secondary.map((f) => renderParam(view, trigger, f))}</div>
          </details>`
        : nothing
    }
    ${renderExtra(view, trigger)}
  </section>`;
}

/** Step 3: the triggers, each with a form generated from KEDA's scaler catalog. */
export function renderTriggersStep(view: WizardView, actions: TriggerStepActions): TemplateResult {
  const triggers = view.state.triggers;
  const fb = fieldFeedback(view, 'triggers');
  const pickerOpen = actions.picker.open || triggers.length === 0;
  return html`${triggers.map((t, i) => renderTrigger(view, t, i))} ${fb.messages}
  ${
    pickerOpen
      ? renderPicker(actions)
      : html`<button
          type="button"
          class="add"
          data-action="add-trigger"
          @click=${() => actions.setPicker({ open: true })}
        >
          Add another trigger
        </button>`
  }`;
}

import { html, nothing, type TemplateResult } from 'lit';
import { BEHAVIOR_PRESETS } from '../../../core/scaling/behavior-presets.js';
import { LOAD_PRESETS, type LoadCurve, type LoadPresetId } from '../../../core/scaling/load-curves.js';
import type { WhatIfResult } from '../../../core/scaling/what-if.js';
import { formatSimTime } from '../../../core/scaling/what-if-text.js';
import type { AdvancedDraft } from '../../../core/keda/wizard.js';
import { checkField, fieldFeedback, notice, selectField, textField, type WizardView } from './view.js';

export interface WhatIfControls {
  curve: LoadCurve;
  peak: number;
  jobSeconds: number;
  result: WhatIfResult | undefined;
  /** A simulation is scheduled or running. */
  pending: boolean;
  /** Why no preview can be computed yet (invalid numbers…). */
  blocked?: string;
  choosePreset(id: LoadPresetId): void;
  setPeak(peak: number): void;
  setJobSeconds(seconds: number): void;
  setCurve(curve: LoadCurve): void;
}

function renderFallback(view: WizardView): TemplateResult {
  const a = view.state.advanced;
  return html`<fieldset class="group">
    <legend>Fallback</legend>
    ${checkField(view, {
      field: 'advanced.fallbackEnabled',
      label: 'Hold a replica count when the scalers keep failing',
      checked: a.fallbackEnabled,
      help: 'After this many failed reads in a row, KEDA serves a metric that lands the HPA on the fallback replicas.',
      set: (s, v) => (s.advanced.fallbackEnabled = v),
    })}
    ${
      a.fallbackEnabled
        ? html`<div class="grid-3">
            ${textField(view, {
              field: 'advanced.failureThreshold',
              label: 'Failure threshold',
              value: a.failureThreshold,
              type: 'number',
              help: 'Consecutive failed reads before the fallback starts.',
              set: (s, v) => (s.advanced.failureThreshold = v),
            })}
            ${textField(view, {
              field: 'advanced.fallbackReplicas',
              label: 'Fallback replicas',
              value: a.fallbackReplicas,
              type: 'number',
              help: 'The replica count to hold while failing.',
              set: (s, v) => (s.advanced.fallbackReplicas = v),
            })}
            ${selectField(view, {
              field: 'advanced.fallbackBehavior',
              label: 'Behaviour',
              value: a.fallbackBehavior,
              defaultLabel: 'static (default): exactly the fallback replicas',
              choices: [
                { value: 'currentReplicas', label: 'currentReplicas: keep the current count' },
                { value: 'currentReplicasIfHigher', label: 'currentReplicasIfHigher: the higher of the two' },
                { value: 'currentReplicasIfLower', label: 'currentReplicasIfLower: the lower of the two' },
                { value: 'scalingModifiers', label: 'scalingModifiers: the formula decides (nil-safe)' },
              ],
              set: (s, v) => (s.advanced.fallbackBehavior = v as AdvancedDraft['fallbackBehavior']),
            })}
          </div>`
        : nothing
    }
  </fieldset>`;
}

function renderBehavior(view: WizardView): TemplateResult {
  const a = view.state.advanced;
  const fb = fieldFeedback(view, 'advanced.behaviorPreset');
  const choice = (value: string, label: string, description: string) =>
    html`<label class="choice">
      <input
        type="radio"
        name="behavior"
        data-field=${`advanced.behaviorPreset.${value || 'default'}`}
        .checked=${a.behaviorPreset === value}
        @change=${() => view.update('advanced.behaviorPreset', (s) => (s.advanced.behaviorPreset = value as AdvancedDraft['behaviorPreset']))}
      />
      <span><strong>${label}</strong><span class="help">${description}</span></span>
    </label>`;
  return html`<fieldset class="group choices" aria-describedby=${fb.describedBy}>
    <legend>HPA behaviour</legend>
    ${choice('', 'Kubernetes default', 'Up by max(4 pods, 100%) every 15 s; down to the highest recommendation of the last 5 minutes.')}
    ${BEHAVIOR_PRESETS.map((p) => choice(p.id, p.label, p.description))} ${fb.messages}
  </fieldset>`;
}

function renderModifiers(view: WizardView): TemplateResult {
  const a = view.state.advanced;
  const names = view.state.triggers
    .filter((t) => t.name.trim() && t.type !== 'cpu' && t.type !== 'memory')
    .map((t) => t.name.trim());
  return html`<fieldset class="group">
    <legend>Scaling modifiers</legend>
    ${checkField(view, {
      field: 'advanced.modifiersEnabled',
      label: 'Scale on a formula over the triggers',
      checked: a.modifiersEnabled,
      help: 'The HPA then scales on one composite metric instead of each trigger.',
      set: (s, v) => (s.advanced.modifiersEnabled = v),
    })}
    ${
      a.modifiersEnabled
        ? html`${textField(view, {
              field: 'advanced.formula',
              label: 'Formula',
              value: a.formula,
              mono: true,
              placeholder: names.length ? `e.g. ${names.join(' + ')}` : 'name the triggers to use them here',
              help: names.length
                ? `Variables: ${names.join(', ')}. Checked the way KEDA’s webhook compiles it.`
                : 'Give the triggers names (Triggers step) to use them as variables.',
              set: (s, v) => (s.advanced.formula = v),
            })}
            <div class="grid-3">
              ${textField(view, {
                field: 'advanced.modifiersTarget',
                label: 'Target',
                value: a.modifiersTarget,
                help: 'The composite value per replica (AverageValue) or in total (Value).',
                set: (s, v) => (s.advanced.modifiersTarget = v),
              })}
              ${textField(view, {
                field: 'advanced.activationTarget',
                label: 'Activation target',
                value: a.activationTarget,
                placeholder: 'default 0',
                help: 'KEDA activates when the composite value is above this.',
                set: (s, v) => (s.advanced.activationTarget = v),
              })}
              ${selectField(view, {
                field: 'advanced.modifiersMetricType',
                label: 'metricType',
                value: a.modifiersMetricType,
                defaultLabel: 'AverageValue (default)',
                choices: ['Value'],
                set: (s, v) => (s.advanced.modifiersMetricType = v as AdvancedDraft['modifiersMetricType']),
              })}
            </div>`
        : nothing
    }
  </fieldset>`;
}

function renderOther(view: WizardView): TemplateResult {
  const a = view.state.advanced;
  return html`<fieldset class="group">
    <legend>Other</legend>
    <div class="grid-2">
      ${textField(view, {
        field: 'advanced.hpaName',
        label: 'HPA name',
        value: a.hpaName,
        placeholder: `default keda-hpa-${view.state.name.trim() || '<name>'}`,
        help: 'The HorizontalPodAutoscaler KEDA creates.',
        set: (s, v) => (s.advanced.hpaName = v),
      })}
      ${checkField(view, {
        field: 'advanced.restoreToOriginalReplicaCount',
        label: 'Restore the original replica count on delete',
        checked: a.restoreToOriginalReplicaCount,
        help: 'When the ScaledObject is deleted, KEDA puts the workload back to the replicas it had before.',
        set: (s, v) => (s.advanced.restoreToOriginalReplicaCount = v),
      })}
    </div>
  </fieldset>`;
}

function renderWhatIf(view: WizardView, w: WhatIfControls): TemplateResult {
  const job = view.state.kind === 'ScaledJob';
  const unit = job ? 'running Jobs' : 'replicas';
  return html`<section class="what-if" aria-labelledby="what-if-title" part="what-if">
    <h4 id="what-if-title">What if: ${unit} under a load</h4>
    <p class="help">
      Replays a load curve through KEDA’s scale loop${job ? '' : ' and the HPA controller'} with your
      settings, using the same calculations as the simulated cluster. The load is the value every trigger
      reports (a queue length, a lag…).
    </p>
    <div class="what-if-controls">
      <div class="segmented" role="group" aria-label="Load curve">
        ${LOAD_PRESETS.map(
          (p) =>
            html`<button
              type="button"
              title=${p.description}
              data-preset=${p.id}
              aria-pressed=${w.curve.id === p.id ? 'true' : 'false'}
              @click=${() => w.choosePreset(p.id)}
            >
              ${p.label}
            </button>`,
        )}
        <button type="button" disabled aria-pressed=${w.curve.id === 'custom' ? 'true' : 'false'}>
          Custom
        </button>
      </div>
      <label class="inline-field">
        Peak load
        <input
          type="number"
          min="0"
          data-field="whatif.peak"
          .value=${String(w.peak)}
          @change=${(e: Event) => w.setPeak(Math.max(0, Number((e.target as HTMLInputElement).value) || 0))}
        />
      </label>
      ${
        job
          ? html`<label class="inline-field">
              Job duration (s)
              <input
                type="number"
                min="1"
                data-field="whatif.jobSeconds"
                .value=${String(w.jobSeconds)}
                @change=${(e: Event) => w.setJobSeconds(Math.max(1, Number((e.target as HTMLInputElement).value) || 1))}
              />
            </label>`
          : nothing
      }
    </div>
    ${
      w.blocked
        ? notice('info', 'No preview yet', w.blocked)
        : !w.result
          ? notice('loading', 'Simulating…', 'Replaying the curve.')
          : !w.result.ok
            ? notice('error', 'KEDA could not scale this', html`<p class="api-message">${w.result.error}</p>`)
            : html`<keda-what-if-chart
                .result=${w.result}
                .curve=${w.curve}
                unit=${unit}
                aria-busy=${w.pending ? 'true' : 'false'}
                @keda-load-change=${(e: CustomEvent<{ curve: LoadCurve }>) => w.setCurve(e.detail.curve)}
              ></keda-what-if-chart>`
    }
    <details class="points">
      <summary>Edit the curve’s points (${w.curve.points.length})</summary>
      <table aria-label="Load curve points">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Load</th>
          </tr>
        </thead>
        <tbody>
          ${w.curve.points.map(
            (p, i) =>
              html`<tr>
                <td>${formatSimTime(p.t, w.curve.durationSeconds)}</td>
                <td>
                  <input
                    type="number"
                    min="0"
                    aria-label="Load at ${formatSimTime(p.t, w.curve.durationSeconds)}"
                    data-point=${i}
                    .value=${String(p.value)}
                    @change=${(e: Event) => {
                      const points = w.curve.points.map((q) => ({ ...q }));
                      const point = points[i];
                      if (point) point.value = Math.max(0, Number((e.target as HTMLInputElement).value) || 0);
                      w.setCurve({ id: 'custom', durationSeconds: w.curve.durationSeconds, points });
                    }}
                  />
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </section>`;
}

/** Step 5: fallback, HPA behaviour, scalingModifiers, and the what-if preview. */
export function renderAdvancedStep(view: WizardView, whatIf: WhatIfControls): TemplateResult {
  if (view.state.kind === 'ScaledJob') return renderWhatIf(view, whatIf);
  return html`${renderBehavior(view)} ${renderFallback(view)} ${renderModifiers(view)} ${renderOther(view)}
  ${renderWhatIf(view, whatIf)}`;
}

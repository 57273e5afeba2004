import { html, type TemplateResult } from 'lit';
import { KEDA_DEFAULTS } from '../../../core/keda/defaults.js';
import type { ScalingDraft } from '../../../core/keda/wizard.js';
import { selectField, textField, type WizardView } from './view.js';

type NumberKey = Exclude<keyof ScalingDraft, 'scalingStrategy' | 'multipleScalersCalculation'>;

interface Setting {
  key: NumberKey;
  label: string;
  /** KEDA's default, shown as the placeholder ("default 300"); undefined = off when empty. */
  fallback: number | undefined;
  unit?: string;
  help: string;
}

const SCALED_OBJECT: readonly Setting[] = [
  {
    key: 'minReplicaCount',
    label: 'Min replicas',
    fallback: KEDA_DEFAULTS.minReplicaCount,
    help: 'The fewest replicas KEDA keeps; 0 lets the workload scale to zero when no trigger is active.',
  },
  {
    key: 'maxReplicaCount',
    label: 'Max replicas',
    fallback: KEDA_DEFAULTS.maxReplicaCount,
    help: 'The most replicas the HPA may scale to, whatever the load.',
  },
  {
    key: 'idleReplicaCount',
    label: 'Idle replicas',
    fallback: undefined,
    help: 'Replicas while no trigger is active (must be below min); empty means KEDA goes to min instead.',
  },
  {
    key: 'pollingInterval',
    label: 'Polling interval',
    fallback: KEDA_DEFAULTS.pollingInterval,
    unit: 's',
    help: 'How often KEDA asks the triggers whether to activate or deactivate (the HPA reads metrics every 15 s regardless).',
  },
  {
    key: 'cooldownPeriod',
    label: 'Cooldown period',
    fallback: KEDA_DEFAULTS.cooldownPeriod,
    unit: 's',
    help: 'How long after the last active trigger KEDA waits before scaling to zero or idle.',
  },
  {
    key: 'initialCooldownPeriod',
    label: 'Initial cooldown period',
    fallback: KEDA_DEFAULTS.initialCooldownPeriod,
    unit: 's',
    help: 'How long after creation KEDA waits before it may scale to zero the first time.',
  },
];

const SCALED_JOB: readonly Setting[] = [
  {
    key: 'minReplicaCount',
    label: 'Min Jobs',
    fallback: KEDA_DEFAULTS.scaledJobMinReplicaCount,
    help: 'Jobs KEDA keeps running even when no trigger is active.',
  },
  {
    key: 'maxReplicaCount',
    label: 'Max Jobs',
    fallback: KEDA_DEFAULTS.scaledJobMaxReplicaCount,
    help: 'The most Jobs running at once.',
  },
  {
    key: 'pollingInterval',
    label: 'Polling interval',
    fallback: KEDA_DEFAULTS.pollingInterval,
    unit: 's',
    help: 'How often KEDA checks the triggers and starts Jobs.',
  },
  {
    key: 'successfulJobsHistoryLimit',
    label: 'Successful Jobs kept',
    fallback: KEDA_DEFAULTS.successfulJobsHistoryLimit,
    help: 'Finished Jobs kept for inspection before KEDA deletes the oldest.',
  },
  {
    key: 'failedJobsHistoryLimit',
    label: 'Failed Jobs kept',
    fallback: KEDA_DEFAULTS.failedJobsHistoryLimit,
    help: 'Failed Jobs kept for inspection before KEDA deletes the oldest.',
  },
];

function renderSetting(view: WizardView, setting: Setting): TemplateResult {
  const placeholder =
    setting.fallback === undefined
      ? 'off'
      : `default ${setting.fallback}${setting.unit ? ` ${setting.unit}` : ''}`;
  return textField(view, {
    field: `scaling.${setting.key}`,
    label: `${setting.label}${setting.unit ? ` (${setting.unit})` : ''}`,
    value: view.state.scaling[setting.key],
    type: 'number',
    placeholder,
    help: setting.help,
    set: (s, v) => (s.scaling[setting.key] = v),
  });
}

/** Step 2: replica bounds and timings, each with its KEDA default shown as the placeholder. */
export function renderScalingStep(view: WizardView): TemplateResult {
  const job = view.state.kind === 'ScaledJob';
  const settings = job ? SCALED_JOB : SCALED_OBJECT;
  return html`<p class="intro">
      Leave a field empty to keep KEDA’s default (shown in grey); <code>0</code> is a value, not “unset”.
    </p>
    <div class="grid-2">${settings.map((s) => renderSetting(view, s))}</div>
    ${
      job
        ? html`<div class="grid-2">
            ${selectField(view, {
              field: 'scaling.scalingStrategy',
              label: 'Scaling strategy',
              value: view.state.scaling.scalingStrategy,
              defaultLabel: 'default: Jobs = queue length − running Jobs',
              choices: [
                { value: 'custom', label: 'custom: deduct a fixed number and a share of running Jobs' },
                {
                  value: 'accurate',
                  label: 'accurate: the queue excludes the messages Jobs are already processing',
                },
                { value: 'eager', label: 'eager: fill every free slot up to max at once' },
              ],
              help: 'How KEDA turns the queue length into Jobs to start.',
              set: (s, v) => (s.scaling.scalingStrategy = v as ScalingDraft['scalingStrategy']),
            })}
            ${selectField(view, {
              field: 'scaling.multipleScalersCalculation',
              label: 'Several triggers combine by',
              value: view.state.scaling.multipleScalersCalculation,
              defaultLabel: 'max (default)',
              choices: ['min', 'avg', 'sum'],
              help: 'How the triggers’ queue lengths combine when there is more than one.',
              set: (s, v) =>
                (s.scaling.multipleScalersCalculation = v as ScalingDraft['multipleScalersCalculation']),
            })}
          </div>`
        : html``
    }`;
}

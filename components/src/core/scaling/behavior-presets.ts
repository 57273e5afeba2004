/**
 * Named HPA behaviours for `advanced.horizontalPodAutoscalerConfig.behavior`, each explained in
 * one sentence, so nobody has to remember the policy syntax. Unset fields keep the API defaults
 * (scale up by max(4 pods, 100%) per 15 s; scale down 100% per 15 s after a 300 s window).
 */

import type { HorizontalPodAutoscalerBehavior } from '../kube/autoscaling.js';

export type BehaviorPresetId = 'fast-up-slow-down' | 'no-flapping' | 'aggressive' | 'never-scale-in';

export interface BehaviorPreset {
  id: BehaviorPresetId;
  label: string;
  /** One sentence: what it does to the workload. */
  description: string;
  behavior: HorizontalPodAutoscalerBehavior;
}

export const BEHAVIOR_PRESETS: readonly BehaviorPreset[] = [
  {
    id: 'fast-up-slow-down',
    label: 'Fast up, slow down',
    description:
      'Doubles (or adds 10 pods) every 15 s under load, then removes at most 10% of the pods a minute after 5 minutes of lower load.',
    behavior: {
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Percent', value: 100, periodSeconds: 15 },
          { type: 'Pods', value: 10, periodSeconds: 15 },
        ],
      },
      scaleDown: {
        stabilizationWindowSeconds: 300,
        selectPolicy: 'Max',
        policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }],
      },
    },
  },
  {
    id: 'no-flapping',
    label: 'No flapping',
    description:
      'Scales up only on load that lasts a minute and down only after 10 minutes, one pod every 2 minutes.',
    behavior: {
      scaleUp: { stabilizationWindowSeconds: 60 },
      scaleDown: {
        stabilizationWindowSeconds: 600,
        selectPolicy: 'Max',
        policies: [{ type: 'Pods', value: 1, periodSeconds: 120 }],
      },
    },
  },
  {
    id: 'aggressive',
    label: 'Follow the load closely',
    description: 'Scales both ways within 15–30 s of a change: cheapest, but the replica count moves a lot.',
    behavior: {
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [{ type: 'Percent', value: 200, periodSeconds: 15 }],
      },
      scaleDown: {
        stabilizationWindowSeconds: 30,
        selectPolicy: 'Max',
        policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
      },
    },
  },
  {
    id: 'never-scale-in',
    label: 'Never scale in (HPA)',
    description:
      'The HPA only adds pods; KEDA still scales to zero or idle after the cooldown when min replicas is 0.',
    behavior: { scaleDown: { selectPolicy: 'Disabled' } },
  },
];

/** A preset by id, `undefined` for none/unknown. */
export function behaviorPreset(id: string | undefined): BehaviorPreset | undefined {
  return BEHAVIOR_PRESETS.find((p) => p.id === id);
}

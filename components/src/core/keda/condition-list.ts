/**
 * KEDA's condition list operations and fixed texts (kedacore/keda
 * `apis/keda/v1alpha1/condition_types.go`): conditions carry no lastTransitionTime, are updated in
 * place, and new types (HPAActive) are appended.
 */

import type { Condition } from '../kube/types.js';

/** Reasons and messages KEDA writes, by condition. */
export const KEDA_CONDITIONS = {
  readyReason: 'ScaledObjectReady',
  readyMessage: 'ScaledObject is defined correctly and is ready for scaling',
  pausedReason: 'ScaledObjectPaused',
  pausedMessage: 'ScaledObject is paused',
  unpausedReason: 'ScaledObjectUnpaused',
  unpausedMessage: 'pause annotation removed for ScaledObject',
  activeReason: 'ScalerActive',
  activeMessage: 'Scaling is performed because triggers are active',
  forcedActiveMessage: 'Scaling is performed because activation is being forced by annotation',
  notActiveReason: 'ScalerNotActive',
  notActiveMessage: 'Scaling is not performed because triggers are not active',
  cooldownReason: 'ScalerCooldown',
  cooldownMessage: 'Scaler cooling down because triggers are not active',
  partialTriggerErrorReason: 'PartialTriggerError',
  partialTriggerErrorMessage: 'Some triggers defined in ScaledObject are not working correctly',
  triggerErrorReason: 'TriggerError',
  triggerErrorMessage: 'Triggers defined in ScaledObject are not working correctly',
  checkFailedReason: 'ScaledObjectCheckFailed',
  unknownStateReason: 'UnknownState',
  unknownStateMessage: 'ScaledObject check failed',
  hpaActiveReason: 'HPAActive',
  hpaActiveMessage: 'HPA is actively scaling',
  hpaScalingDisabledReason: 'ScalingDisabled',
  hpaMetricsUnavailableReason: 'HPAMetricsUnavailable',
  scalingDegradedReason: 'ScalingDegraded',
} as const;

/** `GetInitializedConditions`: Ready, Active, Fallback Unknown; Paused False. */
export function initializedConditions(): Condition[] {
  return [
    { type: 'Ready', status: 'Unknown' },
    { type: 'Active', status: 'Unknown' },
    { type: 'Fallback', status: 'Unknown' },
    { type: 'Paused', status: 'False' },
  ];
}

/** `AreInitialized`: all of Ready, Active, Fallback and Paused are present. */
export function conditionsInitialized(conditions: readonly Condition[] | undefined): boolean {
  const types = new Set((conditions ?? []).map((c) => c.type));
  return ['Ready', 'Active', 'Fallback', 'Paused'].every((t) => types.has(t));
}

/** `SetCondition`: replaces status/reason/message of the condition of that type, or appends it. */
export function setKedaCondition(conditions: readonly Condition[], condition: Condition): Condition[] {
  const next = conditions.map((c) => ({ ...c }));
  const existing = next.find((c) => c.type === condition.type);
  const fields: Condition = { type: condition.type, status: condition.status };
  if (condition.reason !== undefined) fields.reason = condition.reason;
  if (condition.message !== undefined) fields.message = condition.message;
  if (existing) {
    existing.status = fields.status;
    if (fields.reason === undefined) delete existing.reason;
    else existing.reason = fields.reason;
    if (fields.message === undefined) delete existing.message;
    else existing.message = fields.message;
    delete existing.lastTransitionTime;
    return next;
  }
  return [...next, fields];
}

/** The condition of a type, if present. */
export function getKedaCondition(
  conditions: readonly Condition[] | undefined,
  type: string,
): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

import type { Condition } from '../kube/types.js';
import { maskSecretsInText } from './mask.js';

/** KEDA's condition types, in the order the operator writes them. */
export type KedaConditionType = 'Ready' | 'Active' | 'Fallback' | 'Paused' | 'HPAActive';

export function findCondition(
  conditions: readonly Condition[] | undefined,
  type: KedaConditionType | string,
): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

/**
 * The condition's status as `kubectl get` prints it: the raw string, or undefined when the condition
 * is absent (kubectl prints `<none>` for a missing JSONPath value; views show an em dash).
 */
export function conditionStatus(
  conditions: readonly Condition[] | undefined,
  type: KedaConditionType | string,
): string | undefined {
  return findCondition(conditions, type)?.status;
}

/**
 * A condition in one line for a tooltip, `Ready=False (Reason): message`, with any credential
 * KEDA quoted in the message (a connection string in a scaler error) masked.
 */
export function conditionSummary(condition: Condition): string {
  const reason = condition.reason ? ` (${condition.reason})` : '';
  const message = condition.message ? `: ${maskSecretsInText(condition.message)}` : '';
  return `${condition.type}=${condition.status}${reason}${message}`;
}

/**
 * `Reason: message` of a condition (`fallback` when it has no reason: its type by default), with
 * any credential quoted in the message masked.
 */
export function reasonAndMessage(
  c: { type: string; reason?: string; message?: string },
  fallback: string = c.type,
): string {
  return `${c.reason ?? fallback}${c.message ? `: ${maskSecretsInText(c.message)}` : ''}`;
}

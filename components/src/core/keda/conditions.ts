import type { Condition } from '../kube/types.js';

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

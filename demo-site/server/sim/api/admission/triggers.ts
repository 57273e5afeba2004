/** KEDA's `ValidateTriggers`, shared by the ScaledObject and ScaledJob webhooks. */
import { goQuote } from '../validation/go-format.ts';
import type { Trigger } from './keda-objects.ts';
import { WebhookDenial } from './types.ts';

export function validateTriggers(triggers: readonly Trigger[]): void {
  if (triggers.length === 0) throw new WebhookDenial('no triggers defined in the ScaledObject/ScaledJob');
  const names = new Set<string>();
  for (const trigger of triggers) {
    if (trigger.useCachedMetrics && ['cpu', 'memory', 'cron'].includes(trigger.type)) {
      throw new WebhookDenial(
        `property "useCachedMetrics" is not supported for ${goQuote(trigger.type)} scaler`,
      );
    }
    if (trigger.name) {
      if (names.has(trigger.name)) {
        throw new WebhookDenial(
          `triggerName ${goQuote(trigger.name)} is defined multiple times in the ScaledObject/ScaledJob, but it must be unique`,
        );
      }
      names.add(trigger.name);
    }
  }
}

/** Validating admission: KEDA 2.20's webhooks behind the apiserver's webhook dispatcher. */
import type { ResourceRegistry } from '../../registry/registry.ts';
import type { ObjectStore } from '../../store/store.ts';
import { WebhookDispatcher } from './dispatcher.ts';
import { storeLookup } from './lookup.ts';
import { scaledJobWebhook } from './scaled-job.ts';
import { scaledObjectWebhook } from './scaled-object.ts';
import {
  clusterTriggerAuthenticationWebhook,
  triggerAuthenticationWebhook,
} from './trigger-authentication.ts';
import type { ValidatingWebhook } from './types.ts';

export { WebhookDispatcher, toStatusError, type DispatchRequest } from './dispatcher.ts';
export { COOLDOWN_PERIOD_WARNING, POLLING_INTERVAL_WARNING } from './scaled-object.ts';
export type { ValidatingWebhook, WebhookRequest } from './types.ts';

/** The webhooks of KEDA's `keda-admission` ValidatingWebhookConfiguration (eventing ones aside). */
export const kedaWebhooks: readonly ValidatingWebhook[] = [
  scaledObjectWebhook,
  scaledJobWebhook,
  triggerAuthenticationWebhook,
  clusterTriggerAuthenticationWebhook,
];

export function kedaAdmission(
  registry: ResourceRegistry,
  store: ObjectStore,
  log?: (line: string) => void,
): WebhookDispatcher {
  return new WebhookDispatcher(kedaWebhooks, storeLookup(registry, store), log);
}

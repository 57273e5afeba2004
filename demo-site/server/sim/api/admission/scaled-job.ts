/** `vscaledjob.kb.io`: KEDA 2.20's ScaledJob validating webhook (triggers only). */
import { deepEqual } from '../../core/json.ts';
import type { KObject, ResourceDef } from '../../registry/types.ts';
import { triggersOf } from './keda-objects.ts';
import { validateTriggers } from './triggers.ts';
import type { ValidatingWebhook, WebhookRequest } from './types.ts';

/** `isScaledJobRemovingFinalizer`: the only finalizer removed, the spec unchanged. */
export function isRemovingOnlyFinalizer(object: KObject, old: KObject): boolean {
  return (
    (object.metadata.finalizers ?? []).length === 0 &&
    (old.metadata.finalizers ?? []).length === 1 &&
    deepEqual(object.spec, old.spec)
  );
}

export const scaledJobWebhook: ValidatingWebhook = {
  name: 'vscaledjob.kb.io',
  matches: (def: ResourceDef) => def.group === 'keda.sh' && def.plural === 'scaledjobs',
  validate(request: WebhookRequest): string[] {
    if (
      request.operation === 'UPDATE' &&
      request.oldObject &&
      isRemovingOnlyFinalizer(request.object, request.oldObject)
    ) {
      return [];
    }
    validateTriggers(triggersOf(request.object.spec));
    return [];
  },
};

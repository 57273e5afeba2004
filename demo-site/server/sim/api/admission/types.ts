/**
 * Validating admission webhooks as the apiserver calls them: a webhook matches resources, gets
 * the AdmissionReview request (operation, object, old object, dryRun) and allows, allows with
 * warnings, or denies. Denials carry what controller-runtime puts in the AdmissionResponse.
 */
import type { Status } from '../../../../../components/src/core/kube/types.ts';
import type { KObject, ResourceDef } from '../../registry/types.ts';
import type { ObjectLookup } from './lookup.ts';

export interface WebhookRequest {
  operation: 'CREATE' | 'UPDATE';
  object: KObject;
  oldObject: KObject | undefined;
  dryRun: boolean;
}

export interface ValidatingWebhook {
  /** e.g. `vscaledobject.kb.io`. */
  readonly name: string;
  /** Whether the webhook's rules select writes of this resource (main resource only). */
  matches(def: ResourceDef): boolean;
  /** Allows (returning warnings) or throws a WebhookDenial / StatusDenial / WebhookPanic. */
  validate(request: WebhookRequest, lookup: ObjectLookup): string[];
}

/** controller-runtime `Denied(err.Error())`: 403 Forbidden with the message. */
export class WebhookDenial extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookDenial';
  }
}

/** A validator error that is an API status (e.g. a NotFound from a Get): its Status is the result. */
export class StatusDenial extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? '');
    this.name = 'StatusDenial';
  }
}

/** A panic in the validator, recovered by controller-runtime: `Errored(500, "panic: … [recovered]")`. */
export class WebhookPanic extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookPanic';
  }
}

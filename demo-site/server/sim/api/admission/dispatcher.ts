/**
 * The ValidatingAdmissionWebhook plugin: calls every webhook whose rules match the write, adds
 * their warnings, and turns a denial into the Status the apiserver answers (`ToStatusErr`:
 * `admission webhook "<name>" denied the request: <message>`, at least code 400). All of KEDA's
 * webhooks have `failurePolicy: Ignore`: a webhook that fails to answer (here: an unexpected
 * exception in a rule) lets the request through.
 */
import type { Status } from '../../../../../components/src/core/kube/types.ts';
import { ApiError } from '../../core/errors.ts';
import type { ResourceDef } from '../../registry/types.ts';
import type { ObjectLookup } from './lookup.ts';
import {
  StatusDenial,
  WebhookDenial,
  WebhookPanic,
  type ValidatingWebhook,
  type WebhookRequest,
} from './types.ts';

/** The AdmissionResponse `result` controller-runtime sends for a denial. */
function resultOf(
  error: WebhookDenial | StatusDenial | WebhookPanic,
): Omit<Status, 'kind' | 'apiVersion' | 'metadata'> {
  if (error instanceof StatusDenial) {
    const { kind: _kind, apiVersion: _apiVersion, metadata: _metadata, ...rest } = error.status;
    return rest;
  }
  if (error instanceof WebhookPanic) return { code: 500, message: `panic: ${error.message} [recovered]` };
  return { code: 403, reason: 'Forbidden', message: error.message };
}

/** `webhookerrors.ToStatusErr(name, result)`. */
export function toStatusError(
  webhook: string,
  result: Omit<Status, 'kind' | 'apiVersion' | 'metadata'>,
): ApiError {
  const deniedBy = `admission webhook "${webhook}" denied the request`;
  let message: string;
  if (result.message) message = `${deniedBy}: ${result.message}`;
  else if (result.reason) message = `${deniedBy}: ${result.reason}`;
  else message = `${deniedBy} without explanation`;
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message };
  if (result.reason) status.reason = result.reason;
  if (result.details) status.details = result.details;
  status.code = result.code === undefined || result.code < 400 ? 400 : result.code;
  return new ApiError(status);
}

export interface DispatchRequest extends WebhookRequest {
  warn: (text: string) => void;
}

export class WebhookDispatcher {
  constructor(
    private readonly webhooks: readonly ValidatingWebhook[],
    private readonly lookup: ObjectLookup,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Runs the matching webhooks in order; throws the first denial. */
  admit(def: ResourceDef, request: DispatchRequest): void {
    for (const webhook of this.webhooks) {
      if (!webhook.matches(def)) continue;
      let warnings: string[];
      try {
        warnings = webhook.validate(request, this.lookup);
      } catch (error) {
        if (
          error instanceof WebhookDenial ||
          error instanceof StatusDenial ||
          error instanceof WebhookPanic
        ) {
          throw toStatusError(webhook.name, resultOf(error));
        }
        this.log(
          `Failed calling webhook, failing open ${webhook.name}: ${error instanceof Error ? error.message : String(error)}`,
        );
        continue;
      }
      for (const w of warnings) request.warn(w);
    }
  }
}

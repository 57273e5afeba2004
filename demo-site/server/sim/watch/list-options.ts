/**
 * ListOptions validation as the apiserver does it before a list or a watch
 * (apimachinery `meta/internalversion/validation.ValidateListOptions`), with the WatchList feature
 * on: `sendInitialEvents` needs `resourceVersionMatch=NotOlderThan` on a watch and is forbidden on
 * a list. Failures are 422 `ListOptions.meta.k8s.io "" is invalid: …`. Also the 504 a watch-list
 * gets when its resourceVersion is ahead of the store.
 */
import type { Status, StatusCause } from '../../../../components/src/core/kube/types.ts';
import { ApiError, errors } from '../core/errors.ts';

const NOT_OLDER_THAN = 'NotOlderThan';
const EXACT = 'Exact';

export interface ListOptionsQuery {
  watch: boolean;
  resourceVersion: string | undefined;
  resourceVersionMatch: string | undefined;
  sendInitialEvents: boolean | undefined;
  continueToken: string | undefined;
}

function forbidden(field: string, detail: string): StatusCause {
  return { reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`, field };
}

function notSupported(field: string, value: string, supported: readonly string[]): StatusCause {
  return {
    reason: 'FieldValueNotSupported',
    message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
    field,
  };
}

/** The field errors of a list or watch request's options (empty when valid). */
export function listOptionsCauses(options: ListOptionsQuery): StatusCause[] {
  const causes: StatusCause[] = [];
  const match = options.resourceVersionMatch ?? '';
  if (options.watch) {
    if (options.sendInitialEvents !== undefined && match !== NOT_OLDER_THAN) {
      causes.push(
        forbidden(
          'resourceVersionMatch',
          `sendInitialEvents requires setting resourceVersionMatch to ${NOT_OLDER_THAN}`,
        ),
      );
    }
    if (match) {
      if (options.sendInitialEvents === undefined) {
        causes.push(
          forbidden(
            'resourceVersionMatch',
            'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided',
          ),
        );
      }
      if (match !== NOT_OLDER_THAN)
        causes.push(notSupported('resourceVersionMatch', match, [NOT_OLDER_THAN]));
      if (options.continueToken) {
        causes.push(
          forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'),
        );
      }
    }
    return causes;
  }
  if (match) {
    if (!options.resourceVersion) {
      causes.push(
        forbidden(
          'resourceVersionMatch',
          'resourceVersionMatch is forbidden unless resourceVersion is provided',
        ),
      );
    }
    if (options.continueToken) {
      causes.push(
        forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'),
      );
    }
    if (match !== EXACT && match !== NOT_OLDER_THAN) {
      causes.push(notSupported('resourceVersionMatch', match, [EXACT, NOT_OLDER_THAN, '']));
    }
    if (match === EXACT && options.resourceVersion === '0') {
      causes.push(
        forbidden(
          'resourceVersionMatch',
          'resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
        ),
      );
    }
  }
  if (options.sendInitialEvents !== undefined) {
    causes.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  }
  return causes;
}

/** Throws the apiserver's 422 when the options are invalid. */
export function validateListOptions(options: ListOptionsQuery): void {
  const causes = listOptionsCauses(options);
  if (causes.length > 0) throw errors.invalid({ group: 'meta.k8s.io', kind: 'ListOptions' }, '', causes);
}

/** Seconds a client is told to wait after a too-large resourceVersion (the watch cache's value). */
export const TOO_LARGE_RETRY_SECONDS = 1;

/**
 * The ERROR a watch-list gets when the store does not reach its resourceVersion in time
 * (storage.NewTooLargeResourceVersionError: 504 Timeout with a ResourceVersionTooLarge cause).
 */
export function tooLargeResourceVersion(requested: number, current: number): ApiError {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `Timeout: Too large resource version: ${requested}, current: ${current}`,
    reason: 'Timeout',
    details: {
      causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
      retryAfterSeconds: TOO_LARGE_RETRY_SECONDS,
    },
    code: 504,
  };
  return new ApiError(status);
}

/** The list options of a request's query (`sendInitialEvents` already parsed as a boolean). */
export function listOptionsQuery(
  q: URLSearchParams,
  watch: boolean,
  sendInitialEvents: boolean | undefined,
): ListOptionsQuery {
  return {
    watch,
    resourceVersion: q.get('resourceVersion') ?? undefined,
    resourceVersionMatch: q.get('resourceVersionMatch') ?? undefined,
    sendInitialEvents,
    continueToken: q.get('continue') ?? undefined,
  };
}

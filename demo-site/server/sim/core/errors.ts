/**
 * API errors as the kube-apiserver reports them: a meta/v1 Status with the exact message shapes
 * of apimachinery's `errors.go` (KUBE-WIRE §6.6). Throw an ApiError anywhere below the HTTP layer;
 * the HTTP layer turns it into a response.
 */
import type { Status, StatusCause } from '../../../../components/src/core/kube/types.ts';

/** A group + resource plural, e.g. {group: 'keda.sh', resource: 'scaledobjects'}. */
export interface GroupResource {
  group: string;
  resource: string;
}

export function qualifiedResourceName(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

export class ApiError extends Error {
  readonly status: Status;

  constructor(status: Status) {
    super(status.message ?? status.reason ?? 'error');
    this.name = 'ApiError';
    this.status = status;
  }

  get code(): number {
    return this.status.code ?? 500;
  }

  get reason(): string {
    return this.status.reason ?? '';
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function failure(code: number, reason: string, message: string, details?: Status['details']): ApiError {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
  };
  if (details) status.details = details;
  status.code = code;
  return new ApiError(status);
}

function detailsFor(gr: GroupResource, name: string): NonNullable<Status['details']> {
  const details: NonNullable<Status['details']> = {};
  if (name) details.name = name;
  details.group = gr.group;
  details.kind = gr.resource;
  return details;
}

export const CONFLICT_MODIFIED =
  'the object has been modified; please apply your changes to the latest version and try again';

export const errors = {
  notFound(gr: GroupResource, name: string): ApiError {
    return failure(404, 'NotFound', `${qualifiedResourceName(gr)} "${name}" not found`, detailsFor(gr, name));
  },

  /** A URL that matches no route. */
  pathNotFound(): ApiError {
    return failure(404, 'NotFound', 'the server could not find the requested resource', {});
  },

  alreadyExists(gr: GroupResource, name: string): ApiError {
    return failure(
      409,
      'AlreadyExists',
      `${qualifiedResourceName(gr)} "${name}" already exists`,
      detailsFor(gr, name),
    );
  },

  conflict(gr: GroupResource, name: string, why: string = CONFLICT_MODIFIED): ApiError {
    return failure(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedResourceName(gr)} "${name}": ${why}`,
      detailsFor(gr, name),
    );
  },

  forbidden(gr: GroupResource, name: string, why: string): ApiError {
    const subject = name ? `${qualifiedResourceName(gr)} "${name}"` : qualifiedResourceName(gr);
    return failure(403, 'Forbidden', `${subject} is forbidden: ${why}`, detailsFor(gr, name));
  },

  unauthorized(): ApiError {
    return failure(401, 'Unauthorized', 'Unauthorized');
  },

  badRequest(message: string): ApiError {
    return failure(400, 'BadRequest', message);
  },

  methodNotSupported(gr: GroupResource, action: string): ApiError {
    return failure(
      405,
      'MethodNotAllowed',
      `${action} is not supported on resources of kind "${qualifiedResourceName(gr)}"`,
      detailsFor(gr, ''),
    );
  },

  unsupportedMediaType(message: string): ApiError {
    return failure(415, 'UnsupportedMediaType', message);
  },

  notAcceptable(message: string): ApiError {
    return failure(406, 'NotAcceptable', message);
  },

  /** 410 for a watch or list from a resourceVersion older than the history window. */
  expired(message: string): ApiError {
    return failure(410, 'Expired', message);
  },

  /** 422 with field causes; `kind` is the Kind (not the plural), as the real apiserver does. */
  invalid(groupKind: { group: string; kind: string }, name: string, causes: StatusCause[]): ApiError {
    const qualifiedKind = groupKind.group ? `${groupKind.kind}.${groupKind.group}` : groupKind.kind;
    // Like field.ErrorList.ToAggregate(): a message repeated by several causes is shown once.
    const parts = [
      ...new Set(causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')))),
    ];
    const summary = parts.join(', ');
    const joined = parts.length > 1 ? `[${summary}]` : summary;
    return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${joined}`, {
      name,
      group: groupKind.group,
      kind: groupKind.kind,
      causes,
    });
  },

  requestEntityTooLarge(message: string): ApiError {
    return failure(413, 'RequestEntityTooLarge', message);
  },

  internal(message: string): ApiError {
    return failure(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
  },
};

/** Writing JSON bodies and Status errors. */
import type { ServerResponse } from 'node:http';
import { errors, isApiError, type ApiError } from '../core/errors.ts';

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  contentType = 'application/json',
  extraHeaders: Record<string, string> = {},
): void {
  sendRaw(res, code, JSON.stringify(body), contentType, extraHeaders);
}

export function sendRaw(
  res: ServerResponse,
  code: number,
  text: string,
  contentType = 'application/json',
  extraHeaders: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const payload = Buffer.from(text, 'utf8');
  res.writeHead(code, {
    'Content-Type': contentType,
    'Content-Length': String(payload.length),
    'Cache-Control': 'no-cache, private',
    ...extraHeaders,
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.code, error.status);
}

/** Any thrown value as an ApiError (unknown errors become 500 InternalError). */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return errors.internal(error instanceof Error ? error.message : String(error));
}

/** Reading and decoding request bodies (JSON, YAML, Kubernetes protobuf). */
import type { IncomingMessage } from 'node:http';
import { load } from 'js-yaml';
import { errors } from '../core/errors.ts';
import { decodeProtobuf, isProtobuf } from './protobuf.ts';

/** The apiserver's request size limit (3 MiB). */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge || size > limit) {
        // Answer 413 and read the rest away: destroying the socket here would reset the
        // connection before the client could read the Status.
        if (!tooLarge) {
          tooLarge = true;
          chunks.length = 0;
          reject(errors.requestEntityTooLarge(`the request is larger than ${limit} bytes`));
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Decodes a body by Content-Type; an empty body is undefined. */
export function decodeBody(body: Buffer, contentType: string | undefined): unknown {
  if (body.length === 0) return undefined;
  if (isProtobuf(contentType)) return decodeProtobuf(body);
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const text = body.toString('utf8');
  if (type === 'application/yaml' || type === 'application/apply-patch+yaml') {
    let value: unknown;
    try {
      value = load(text);
    } catch (error) {
      throw errors.badRequest(
        `error converting YAML to JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    // Aliases share nodes, so a few hundred bytes can stand for billions of them ("billion
    // laughs"); go-yaml refuses those, as does the API server.
    if (text.includes('*') && expandsBeyond(value, Math.max(10_000, text.length))) {
      throw errors.badRequest('error converting YAML to JSON: yaml: document contains excessive aliasing');
    }
    return value;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw errors.badRequest(
      `the body of the request could not be decoded as JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Whether `value`, with every alias expanded, has more than `limit` nodes (stops counting there). */
function expandsBeyond(value: unknown, limit: number): boolean {
  const stack: unknown[] = [value];
  let count = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (++count > limit) return true;
    if (Array.isArray(node)) stack.push(...(node as unknown[]));
    else if (node !== null && typeof node === 'object') stack.push(...Object.values(node));
  }
  return false;
}

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
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(errors.requestEntityTooLarge(`the request is larger than ${limit} bytes`));
        req.destroy();
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
    try {
      return load(text);
    } catch (error) {
      throw errors.badRequest(
        `error converting YAML to JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw errors.badRequest(
      `the body of the request could not be decoded as JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The protobuf wire format: varints and length-delimited fields (what the k8s envelope needs). */
import { errors } from '../core/errors.ts';

export interface Field {
  number: number;
  /** Varint value, or undefined for length-delimited. */
  int?: number;
  bytes?: Buffer;
}

function readVarint(buf: Buffer, start: number): [number, number] {
  let value = 0;
  let scale = 1;
  let pos = start;
  for (;;) {
    const byte = buf[pos];
    if (byte === undefined) throw errors.badRequest('truncated protobuf varint');
    pos++;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) return [value, pos];
  }
}

export function readFields(buf: Buffer): Field[] {
  const fields: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [tag, afterTag] = readVarint(buf, pos);
    pos = afterTag;
    const number = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (wireType === 0) {
      const [int, next] = readVarint(buf, pos);
      fields.push({ number, int });
      pos = next;
    } else if (wireType === 2) {
      const [length, next] = readVarint(buf, pos);
      fields.push({ number, bytes: buf.subarray(next, next + length) });
      pos = next + length;
    } else if (wireType === 1) {
      pos += 8;
    } else if (wireType === 5) {
      pos += 4;
    } else {
      throw errors.badRequest(`unsupported protobuf wire type ${wireType}`);
    }
  }
  return fields;
}

/**
 * Decoding of the Kubernetes protobuf envelope that kubectl's generators send
 * (`kubectl create namespace` / `create configmap`, KUBE-WIRE §7.1): the magic `k8s\0`, then a
 * runtime.Unknown {typeMeta=1 {apiVersion=1, kind=2}, raw=2, contentEncoding=3, contentType=4}.
 * Only the fields those generators set are decoded: ObjectMeta (name, generateName, namespace,
 * labels, annotations), Namespace spec.finalizers, ConfigMap data / binaryData, Secret data / type /
 * stringData / immutable, ServiceAccount imagePullSecrets / automountServiceAccountToken, and the
 * specs of Service, Job and Deployment (field tables in protobuf-messages.ts).
 */
import { errors } from '../core/errors.ts';
import type { JsonObject } from '../core/json.ts';
import { decodeMessage, GENERATOR_SPECS } from './protobuf-messages.ts';
import { readFields, type Field } from './protobuf-wire.ts';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

const text = (f: Field | undefined): string => f?.bytes?.toString('utf8') ?? '';
const all = (fields: Field[], n: number): Field[] => fields.filter((f) => f.number === n);
const first = (fields: Field[], n: number): Field | undefined => fields.find((f) => f.number === n);

function stringMap(entries: Field[], binary = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const kv = readFields(entry.bytes ?? Buffer.alloc(0));
    const value = first(kv, 2)?.bytes ?? Buffer.alloc(0);
    out[text(first(kv, 1))] = binary ? value.toString('base64') : value.toString('utf8');
  }
  return out;
}

function objectMeta(bytes: Buffer | undefined): JsonObject {
  const fields = readFields(bytes ?? Buffer.alloc(0));
  const meta: JsonObject = {};
  const set = (key: string, n: number): void => {
    const v = text(first(fields, n));
    if (v) meta[key] = v;
  };
  set('name', 1);
  set('generateName', 2);
  set('namespace', 3);
  const labels = all(fields, 11);
  const annotations = all(fields, 12);
  if (labels.length) meta.labels = stringMap(labels);
  if (annotations.length) meta.annotations = stringMap(annotations);
  const finalizers = all(fields, 14).map(text);
  if (finalizers.length) meta.finalizers = finalizers;
  return meta;
}

export function isProtobuf(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === PROTOBUF_CONTENT_TYPE;
}

/** Decodes a protobuf request body into the equivalent JSON object. */
export function decodeProtobuf(body: Buffer): JsonObject {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) {
    throw errors.badRequest('the body of the request is not a Kubernetes protobuf envelope');
  }
  const unknown = readFields(body.subarray(4));
  const typeMeta = readFields(first(unknown, 1)?.bytes ?? Buffer.alloc(0));
  const apiVersion = text(first(typeMeta, 1));
  const kind = text(first(typeMeta, 2));
  const raw = readFields(first(unknown, 2)?.bytes ?? Buffer.alloc(0));
  const object: JsonObject = { apiVersion, kind, metadata: objectMeta(first(raw, 1)?.bytes) };
  if (kind === 'Namespace') {
    const spec = readFields(first(raw, 2)?.bytes ?? Buffer.alloc(0));
    const finalizers = all(spec, 1).map(text);
    if (finalizers.length) object.spec = { finalizers };
  } else if (kind === 'ConfigMap') {
    const data = all(raw, 2);
    const binaryData = all(raw, 3);
    if (data.length) object.data = stringMap(data);
    if (binaryData.length) object.binaryData = stringMap(binaryData, true);
  } else if (kind === 'Secret') {
    // Secret: data=2 (map<string, bytes>), type=3, stringData=4, immutable=5.
    const data = all(raw, 2);
    const stringData = all(raw, 4);
    const type = text(first(raw, 3));
    const immutable = first(raw, 5)?.int;
    if (data.length) object.data = stringMap(data, true);
    if (type) object.type = type;
    if (stringData.length) object.stringData = stringMap(stringData);
    if (immutable !== undefined) object.immutable = immutable !== 0;
  } else if (kind === 'ServiceAccount') {
    // ServiceAccount: secrets=2, imagePullSecrets=3 (references with name=1 / ObjectReference name=3), automount=4.
    const pullSecrets = all(raw, 3).map((f) => ({
      name: text(first(readFields(f.bytes ?? Buffer.alloc(0)), 1)),
    }));
    const automount = first(raw, 4)?.int;
    if (pullSecrets.length) object.imagePullSecrets = pullSecrets;
    if (automount !== undefined) object.automountServiceAccountToken = automount !== 0;
  } else if (GENERATOR_SPECS[kind]) {
    const spec = decodeMessage(first(raw, 2)?.bytes ?? Buffer.alloc(0), GENERATOR_SPECS[kind]);
    if (Object.keys(spec).length) object.spec = spec;
  } else {
    throw errors.unsupportedMediaType(
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
    );
  }
  return object;
}

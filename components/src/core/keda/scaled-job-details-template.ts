/**
 * A ScaledJob's `jobTargetRef` (a batch/v1 JobSpec) as the details view shows it: the Job settings
 * with Kubernetes' defaults marked, and per container the image, command, args, resources and the
 * NAMES of its environment variables with where each comes from. Values never leave this module:
 * a literal env value may be a password typed into the manifest.
 */
import type { Effective } from './defaults.js';

export interface EnvVarSource {
  name: string;
  /** Where the value comes from, without the value: `value`, `Secret db/password`, `field metadata.name`. */
  from: string;
  /** From a Secret (the view links it). */
  secret?: { name: string; key: string };
}

export interface ContainerDetails {
  name: string;
  init: boolean;
  image: string;
  command: string[];
  args: string[];
  env: EnvVarSource[];
  /** `envFrom` sources: `Secret x`, `ConfigMap y` (with prefix). */
  envFrom: Array<{ from: string; secretName?: string }>;
  requests: Array<[string, string]>;
  limits: Array<[string, string]>;
}

export interface JobTemplateDetails {
  parallelism: Effective<number>;
  completions: Effective<string>;
  backoffLimit: Effective<number>;
  activeDeadlineSeconds: number | undefined;
  ttlSecondsAfterFinished: number | undefined;
  /** KEDA sets `OnFailure` when the template leaves it empty. */
  restartPolicy: Effective<string>;
  serviceAccountName: string | undefined;
  containers: ContainerDetails[];
}

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => arr(v).map((s) => String(s));

function envSource(entry: Json): EnvVarSource {
  const name = str(entry.name) ?? '';
  const valueFrom = obj(entry.valueFrom);
  const secret = obj(valueFrom.secretKeyRef);
  if (str(secret.name) !== undefined || str(secret.key) !== undefined) {
    const ref = { name: str(secret.name) ?? '', key: str(secret.key) ?? '' };
    return { name, from: `Secret ${ref.name} key ${ref.key}`, secret: ref };
  }
  const config = obj(valueFrom.configMapKeyRef);
  if (str(config.name) !== undefined || str(config.key) !== undefined)
    return { name, from: `ConfigMap ${str(config.name) ?? ''} key ${str(config.key) ?? ''}` };
  const field = obj(valueFrom.fieldRef);
  if (str(field.fieldPath)) return { name, from: `field ${str(field.fieldPath)}` };
  const resource = obj(valueFrom.resourceFieldRef);
  if (str(resource.resource)) return { name, from: `resource ${str(resource.resource)}` };
  return { name, from: entry.value === undefined ? 'empty' : 'value (not shown)' };
}

function quantities(v: unknown): Array<[string, string]> {
  return Object.entries(obj(v))
    .map(([k, q]): [string, string] => [k, String(q)])
    .sort(([a], [b]) => a.localeCompare(b));
}

function container(c: Json, init: boolean): ContainerDetails {
  const resources = obj(c.resources);
  return {
    name: str(c.name) ?? '',
    init,
    image: str(c.image) ?? '',
    command: strings(c.command),
    args: strings(c.args),
    env: arr(c.env).map((e) => envSource(obj(e))),
    envFrom: arr(c.envFrom).map((e) => {
      const entry = obj(e);
      const prefix = str(entry.prefix) ? ` (prefix ${str(entry.prefix)})` : '';
      const secret = str(obj(entry.secretRef).name);
      if (secret !== undefined) return { from: `Secret ${secret}${prefix}`, secretName: secret };
      return { from: `ConfigMap ${str(obj(entry.configMapRef).name) ?? ''}${prefix}` };
    }),
    requests: quantities(resources.requests),
    limits: quantities(resources.limits),
  };
}

const pick = (value: number | undefined, fallback: number): Effective<number> =>
  value === undefined ? { value: fallback, isDefault: true } : { value, isDefault: false };

/** Reads a `jobTargetRef` defensively (it is any JSON the user wrote). */
export function jobTemplate(jobTargetRef: unknown): JobTemplateDetails {
  const spec = obj(jobTargetRef);
  const pod = obj(obj(spec.template).spec);
  const completions = num(spec.completions);
  const restart = str(pod.restartPolicy);
  return {
    parallelism: pick(num(spec.parallelism), 1),
    completions:
      completions === undefined
        ? { value: 'not set (the first pod to succeed completes the Job)', isDefault: true }
        : { value: String(completions), isDefault: false },
    backoffLimit: pick(num(spec.backoffLimit), 6),
    activeDeadlineSeconds: num(spec.activeDeadlineSeconds),
    ttlSecondsAfterFinished: num(spec.ttlSecondsAfterFinished),
    restartPolicy: restart ? { value: restart, isDefault: false } : { value: 'OnFailure', isDefault: true },
    serviceAccountName: str(pod.serviceAccountName),
    containers: [
      ...arr(pod.initContainers).map((c) => container(obj(c), true)),
      ...arr(pod.containers).map((c) => container(obj(c), false)),
    ],
  };
}

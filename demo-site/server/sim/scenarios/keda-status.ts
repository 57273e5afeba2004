/**
 * The `.status` a KEDA 2.20.2 operator writes on a ScaledObject after a successful reconcile
 * (REFERENCE §2.1, §2.2, §2.5, §8). Used to seed scenarios; the simulated operator will reuse it.
 */
import { asString, getPath, isObject, type JsonObject } from '../core/json.ts';
import type { KObject } from '../registry/types.ts';

const RESOURCE_TRIGGERS: ReadonlySet<string> = new Set(['cpu', 'memory']);

/** pkg/scalers NormalizeString: `/ . : % ( )` → `-`. */
function normalize(text: string): string {
  return text.replace(/[/.:%()]/g, '-');
}

function cronPart(spec: string): string {
  return spec
    .replace(/\s+/g, '')
    .replace(/\*/g, 'x')
    .replace(/\//g, 'Sl')
    .replace(/\?/g, 'Qm')
    .replace(/,/g, 'Cm');
}

/** `s<i>-<scaler metric name>` for the external triggers KEDA generates names for. */
export function externalMetricName(index: number, trigger: JsonObject): string {
  const type = asString(trigger.type) ?? '';
  const md = isObject(trigger.metadata) ? trigger.metadata : {};
  const get = (key: string): string => asString(md[key]) ?? '';
  let name: string;
  switch (type) {
    case 'rabbitmq':
      name = `rabbitmq-${encodeURIComponent(get('queueName'))}`;
      break;
    case 'kafka':
      name = get('topic') ? `kafka-${get('topic')}` : `kafka-${get('consumerGroup')}-topics`;
      break;
    case 'cron':
      name = `cron-${normalize(get('timezone'))}-${cronPart(get('start'))}-${cronPart(get('end'))}`;
      break;
    case 'prometheus':
      name = 'prometheus';
      break;
    case 'redis':
      name = `redis-${get('listName')}`;
      break;
    case 'aws-sqs-queue':
      name = `aws-sqs-${get('queueURL').split('/').pop() ?? ''}`;
      break;
    default:
      name = normalize(type);
  }
  return `s${index}-${name}`;
}

export interface ScaledObjectState {
  /** Triggers report activity (Active=True, HPA scaling). */
  active: boolean;
  /** Replicas of the target before KEDA first scaled it. */
  originalReplicaCount: number;
  /** Current replicas of the target (0 → HPA reports ScalingDisabled). */
  currentReplicas: number;
  /** When triggers were last active. */
  lastActiveTime?: string;
}

const PAUSE_ANNOTATIONS = [
  'autoscaling.keda.sh/paused',
  'autoscaling.keda.sh/paused-replicas',
  'autoscaling.keda.sh/paused-scale-in',
  'autoscaling.keda.sh/paused-scale-out',
];

export function isPaused(so: KObject): boolean {
  const annotations = so.metadata.annotations ?? {};
  return PAUSE_ANNOTATIONS.some((a) => annotations[a] !== undefined && annotations[a] !== 'false');
}

function kindResource(kind: string): string {
  return `${kind.toLowerCase()}s`;
}

export function scaledObjectStatus(so: KObject, state: ScaledObjectState): JsonObject {
  const name = so.metadata.name ?? '';
  const target = getPath(so, ['spec', 'scaleTargetRef']);
  const ref = isObject(target) ? target : {};
  const apiVersion = asString(ref.apiVersion) ?? 'apps/v1';
  const kind = asString(ref.kind) ?? 'Deployment';
  const [group = '', version = ''] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const rawTriggers = getPath(so, ['spec', 'triggers']);
  const triggers = Array.isArray(rawTriggers) ? rawTriggers.filter(isObject) : [];

  const external: string[] = [];
  const resource: string[] = [];
  const types: string[] = [];
  const auths: string[] = [];
  triggers.forEach((t, i) => {
    const type = asString(t.type) ?? '';
    if (!types.includes(type)) types.push(type);
    if (RESOURCE_TRIGGERS.has(type)) resource.push(type);
    else external.push(externalMetricName(i, t));
    const auth = getPath(t, ['authenticationRef', 'name']);
    if (typeof auth === 'string' && !auths.includes(auth)) auths.push(auth);
  });

  const paused = isPaused(so);
  const conditions: JsonObject[] = [
    {
      type: 'Ready',
      status: 'True',
      reason: 'ScaledObjectReady',
      message: 'ScaledObject is defined correctly and is ready for scaling',
    },
    state.active && !paused
      ? {
          type: 'Active',
          status: 'True',
          reason: 'ScalerActive',
          message: 'Scaling is performed because triggers are active',
        }
      : {
          type: 'Active',
          status: 'False',
          reason: 'ScalerNotActive',
          message: 'Scaling is not performed because triggers are not active',
        },
    {
      type: 'Fallback',
      status: 'False',
      reason: 'NoFallbackFound',
      message: 'No fallbacks are active on this scaled object',
    },
    paused
      ? { type: 'Paused', status: 'True', reason: 'ScaledObjectPaused', message: 'ScaledObject is paused' }
      : { type: 'Paused', status: 'False' },
  ];
  if (!paused) {
    conditions.push(
      state.currentReplicas === 0
        ? {
            type: 'HPAActive',
            status: 'True',
            reason: 'ScalingDisabled',
            message: 'scaling is disabled since the replica count of the target is zero',
          }
        : { type: 'HPAActive', status: 'True', reason: 'HPAActive', message: 'HPA is actively scaling' },
    );
  }

  const status: JsonObject = {
    scaleTargetKind: `${apiVersion}.${kind}`,
    scaleTargetGVKR: { group, version, kind, resource: kindResource(kind) },
    originalReplicaCount: state.originalReplicaCount,
  };
  if (state.lastActiveTime) status.lastActiveTime = state.lastActiveTime;
  if (external.length) status.externalMetricNames = external;
  if (resource.length) status.resourceMetricNames = resource;
  status.conditions = conditions;
  if (external.length) {
    status.triggersActivity = Object.fromEntries(
      external.map((m) => [m, { isActive: state.active && !paused }]),
    );
  }
  status.hpaName = `keda-hpa-${name}`;
  status.triggersTypes = types.join(',');
  if (auths.length) status.authenticationsTypes = auths.join(',');
  return status;
}

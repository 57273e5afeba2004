import type { Condition, KubeObject } from '../kube/types.js';

/** keda.sh/v1alpha1 shapes, as in KEDA 2.20's CRDs (only what the views read is typed strictly). */

export interface AuthenticationRef {
  name: string;
  kind?: 'TriggerAuthentication' | 'ClusterTriggerAuthentication';
}

export interface ScaleTriggers {
  type: string;
  name?: string;
  metadata: Record<string, string>;
  metricType?: 'AverageValue' | 'Value' | 'Utilization';
  useCachedMetrics?: boolean;
  authenticationRef?: AuthenticationRef;
}

export interface ScaleTarget {
  name: string;
  apiVersion?: string;
  kind?: string;
  envSourceContainerName?: string;
}

export interface Fallback {
  failureThreshold: number;
  replicas: number;
  behavior?:
    'static' | 'currentReplicas' | 'currentReplicasIfHigher' | 'currentReplicasIfLower' | 'scalingModifiers';
}

export interface ScalingModifiers {
  formula?: string;
  target?: string;
  activationTarget?: string;
  metricType?: 'AverageValue' | 'Value';
}

export interface ScaledObjectSpec {
  scaleTargetRef: ScaleTarget;
  pollingInterval?: number;
  initialCooldownPeriod?: number;
  cooldownPeriod?: number;
  idleReplicaCount?: number;
  minReplicaCount?: number;
  maxReplicaCount?: number;
  fallback?: Fallback;
  advanced?: {
    restoreToOriginalReplicaCount?: boolean;
    horizontalPodAutoscalerConfig?: { name?: string; behavior?: Record<string, unknown> };
    scalingModifiers?: ScalingModifiers;
  };
  triggers: ScaleTriggers[];
}

export interface HealthStatus {
  numberOfFailures?: number;
  status?: 'Happy' | 'Failing' | string;
}

export interface ScaledObjectStatus {
  scaleTargetKind?: string;
  scaleTargetGVKR?: { group: string; version: string; kind: string; resource: string };
  originalReplicaCount?: number;
  lastActiveTime?: string;
  externalMetricNames?: string[];
  resourceMetricNames?: string[];
  compositeScalerName?: string;
  conditions?: Condition[];
  health?: Record<string, HealthStatus>;
  triggersActivity?: Record<string, { isActive: boolean }>;
  pausedReplicaCount?: number;
  hpaName?: string;
  triggersTypes?: string;
  authenticationsTypes?: string;
}

export interface ScaledObject extends KubeObject {
  spec: ScaledObjectSpec;
  status?: ScaledObjectStatus;
}

export interface ScaledJobSpec {
  jobTargetRef: Record<string, unknown>;
  pollingInterval?: number;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  envSourceContainerName?: string;
  minReplicaCount?: number;
  maxReplicaCount?: number;
  rolloutStrategy?: string;
  rollout?: { strategy?: 'gradual' | 'immediate'; propagationPolicy?: 'foreground' | 'background' };
  scalingStrategy?: {
    strategy?: 'default' | 'custom' | 'accurate' | 'eager';
    customScalingQueueLengthDeduction?: number;
    customScalingRunningJobPercentage?: string;
    pendingPodConditions?: string[];
    multipleScalersCalculation?: 'min' | 'avg' | 'sum' | 'max';
  };
  triggers: ScaleTriggers[];
}

export interface ScaledJobStatus {
  lastActiveTime?: string;
  conditions?: Condition[];
  /** Sic: KEDA's ScaledJob status field is capitalised. */
  Paused?: string;
  triggersTypes?: string;
  authenticationsTypes?: string;
  externalMetricNames?: string[];
  triggersActivity?: Record<string, { isActive: boolean }>;
}

export interface ScaledJob extends KubeObject {
  spec: ScaledJobSpec;
  status?: ScaledJobStatus;
}

export interface TriggerAuthenticationSpec {
  podIdentity?: {
    provider: 'none' | 'azure-workload' | 'gcp' | 'aws' | 'aws-eks' | string;
    identityId?: string;
    identityTenantId?: string;
    identityAuthorityHost?: string;
    roleArn?: string;
    identityOwner?: 'keda' | 'workload';
  };
  secretTargetRef?: Array<{ parameter: string; name: string; key: string }>;
  configMapTargetRef?: Array<{ parameter: string; name: string; key: string }>;
  env?: Array<{ parameter: string; name: string; containerName?: string }>;
  filePath?: string;
  hashiCorpVault?: {
    address: string;
    authentication?: string;
    secrets?: Array<{ parameter: string; key: string; path: string }>;
  };
  azureKeyVault?: { vaultUri: string };
  gcpSecretManager?: Record<string, unknown>;
  awsSecretManager?: Record<string, unknown>;
  boundServiceAccountToken?: Array<{ parameter: string; serviceAccountName: string }>;
}

export interface TriggerAuthentication extends KubeObject {
  spec: TriggerAuthenticationSpec;
  status?: { scaledobjects?: string; scaledjobs?: string };
}

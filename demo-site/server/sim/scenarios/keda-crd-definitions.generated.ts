// GENERATED FILE — DO NOT EDIT. Written by scripts/generate-crd-schemas.mjs from KEDA's CRDs
// (kedacore/keda config/crd/bases @ 8b4f083ca8c8c2baf8477e322bd4d16ac4dfa09a, Apache-2.0, Copyright The KEDA Authors).
// Each CustomResourceDefinition without its openAPIV3Schema, which is CRD_SCHEMAS in
// components/src/core/keda/crd-schemas.generated.ts. Regenerate with: node scripts/generate-crd-schemas.mjs
import type { KedaKind } from '../../../../components/src/core/keda/crd-schema.ts';

export const CRD_DEFINITIONS: Readonly<Record<KedaKind, Record<string, unknown>>> = {
  ScaledObject: {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.20.1' },
      name: 'scaledobjects.keda.sh',
    },
    spec: {
      group: 'keda.sh',
      names: {
        kind: 'ScaledObject',
        listKind: 'ScaledObjectList',
        plural: 'scaledobjects',
        shortNames: ['so'],
        singular: 'scaledobject',
      },
      scope: 'Namespaced',
      versions: [
        {
          additionalPrinterColumns: [
            { jsonPath: '.status.scaleTargetKind', name: 'ScaleTargetKind', type: 'string' },
            { jsonPath: '.spec.scaleTargetRef.name', name: 'ScaleTargetName', type: 'string' },
            { jsonPath: '.spec.minReplicaCount', name: 'Min', type: 'integer' },
            { jsonPath: '.spec.maxReplicaCount', name: 'Max', type: 'integer' },
            { jsonPath: '.status.conditions[?(@.type=="Ready")].status', name: 'Ready', type: 'string' },
            { jsonPath: '.status.conditions[?(@.type=="Active")].status', name: 'Active', type: 'string' },
            {
              jsonPath: '.status.conditions[?(@.type=="Fallback")].status',
              name: 'Fallback',
              type: 'string',
            },
            { jsonPath: '.status.conditions[?(@.type=="Paused")].status', name: 'Paused', type: 'string' },
            { jsonPath: '.status.triggersTypes', name: 'Triggers', type: 'string' },
            { jsonPath: '.status.authenticationsTypes', name: 'Authentications', type: 'string' },
            { jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' },
          ],
          name: 'v1alpha1',
          served: true,
          storage: true,
          subresources: { status: {} },
        },
      ],
    },
  },
  ScaledJob: {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.20.1' },
      name: 'scaledjobs.keda.sh',
    },
    spec: {
      group: 'keda.sh',
      names: {
        kind: 'ScaledJob',
        listKind: 'ScaledJobList',
        plural: 'scaledjobs',
        shortNames: ['sj'],
        singular: 'scaledjob',
      },
      scope: 'Namespaced',
      versions: [
        {
          additionalPrinterColumns: [
            { jsonPath: '.spec.minReplicaCount', name: 'Min', type: 'integer' },
            { jsonPath: '.spec.maxReplicaCount', name: 'Max', type: 'integer' },
            { jsonPath: '.status.conditions[?(@.type=="Ready")].status', name: 'Ready', type: 'string' },
            { jsonPath: '.status.conditions[?(@.type=="Active")].status', name: 'Active', type: 'string' },
            { jsonPath: '.status.conditions[?(@.type=="Paused")].status', name: 'Paused', type: 'string' },
            { jsonPath: '.status.triggersTypes', name: 'Triggers', type: 'string' },
            { jsonPath: '.status.authenticationsTypes', name: 'Authentications', type: 'string' },
            { jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' },
          ],
          name: 'v1alpha1',
          served: true,
          storage: true,
          subresources: { status: {} },
        },
      ],
    },
  },
  TriggerAuthentication: {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.20.1' },
      name: 'triggerauthentications.keda.sh',
    },
    spec: {
      group: 'keda.sh',
      names: {
        kind: 'TriggerAuthentication',
        listKind: 'TriggerAuthenticationList',
        plural: 'triggerauthentications',
        shortNames: ['ta', 'triggerauth'],
        singular: 'triggerauthentication',
      },
      scope: 'Namespaced',
      versions: [
        {
          additionalPrinterColumns: [
            { jsonPath: '.spec.podIdentity.provider', name: 'PodIdentity', type: 'string' },
            { jsonPath: '.spec.secretTargetRef[*].name', name: 'Secret', type: 'string' },
            { jsonPath: '.spec.env[*].name', name: 'Env', type: 'string' },
            { jsonPath: '.spec.hashiCorpVault.address', name: 'VaultAddress', type: 'string' },
            { jsonPath: '.status.scaledobjects', name: 'ScaledObjects', priority: 1, type: 'string' },
            { jsonPath: '.status.scaledjobs', name: 'ScaledJobs', priority: 1, type: 'string' },
          ],
          name: 'v1alpha1',
          served: true,
          storage: true,
          subresources: { status: {} },
        },
      ],
    },
  },
  ClusterTriggerAuthentication: {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.20.1' },
      name: 'clustertriggerauthentications.keda.sh',
    },
    spec: {
      group: 'keda.sh',
      names: {
        kind: 'ClusterTriggerAuthentication',
        listKind: 'ClusterTriggerAuthenticationList',
        plural: 'clustertriggerauthentications',
        shortNames: ['cta', 'clustertriggerauth'],
        singular: 'clustertriggerauthentication',
      },
      scope: 'Cluster',
      versions: [
        {
          additionalPrinterColumns: [
            { jsonPath: '.spec.podIdentity.provider', name: 'PodIdentity', type: 'string' },
            { jsonPath: '.spec.secretTargetRef[*].name', name: 'Secret', type: 'string' },
            { jsonPath: '.spec.env[*].name', name: 'Env', type: 'string' },
            { jsonPath: '.spec.filePath', name: 'FilePath', type: 'string' },
            { jsonPath: '.spec.hashiCorpVault.address', name: 'VaultAddress', type: 'string' },
            { jsonPath: '.status.scaledobjects', name: 'ScaledObjects', priority: 1, type: 'string' },
            { jsonPath: '.status.scaledjobs', name: 'ScaledJobs', priority: 1, type: 'string' },
          ],
          name: 'v1alpha1',
          served: true,
          storage: true,
          subresources: { status: {} },
        },
      ],
    },
  },
};

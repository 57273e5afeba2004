/**
 * React wrappers for the keda-elements custom elements. React 18 (Headlamp's) would only set
 * string attributes on custom elements; `@lit/react` sets element properties (objects such as
 * `client`) and wires `keda-*` events.
 */
import { createComponent } from '@lit/react';
// Defines every keda-* element (each define is guarded: the custom element registry is global).
import {
  ClusterTriggerAuthList as ClusterTriggerAuthListElement,
  KedaConnection as KedaConnectionElement,
  ScaledJobList as ScaledJobListElement,
  ScaledObjectList as ScaledObjectListElement,
  TriggerAuthList as TriggerAuthListElement,
} from 'keda-elements';
import React from 'react';

/** `<keda-connection>`: owns the data store (list+watch caches) its descendants render. */
export const KedaConnection = createComponent({
  tagName: 'keda-connection',
  elementClass: KedaConnectionElement,
  react: React,
  displayName: 'KedaConnection',
});

/** `<keda-scaled-object-list>`: the ScaledObjects table, fed by the enclosing connection. */
export const ScaledObjectList = createComponent({
  tagName: 'keda-scaled-object-list',
  elementClass: ScaledObjectListElement,
  react: React,
  displayName: 'ScaledObjectList',
});

/** `<keda-scaled-job-list>`: the ScaledJobs table. */
export const ScaledJobList = createComponent({
  tagName: 'keda-scaled-job-list',
  elementClass: ScaledJobListElement,
  react: React,
  displayName: 'ScaledJobList',
});

/** `<keda-trigger-auth-list>`: the TriggerAuthentications table (Secret names, never values). */
export const TriggerAuthList = createComponent({
  tagName: 'keda-trigger-auth-list',
  elementClass: TriggerAuthListElement,
  react: React,
  displayName: 'TriggerAuthList',
});

/** `<keda-cluster-trigger-auth-list>`: the ClusterTriggerAuthentications table. */
export const ClusterTriggerAuthList = createComponent({
  tagName: 'keda-cluster-trigger-auth-list',
  elementClass: ClusterTriggerAuthListElement,
  react: React,
  displayName: 'ClusterTriggerAuthList',
});

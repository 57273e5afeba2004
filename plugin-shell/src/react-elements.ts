/**
 * React wrappers for the keda-elements custom elements. React 18 (Headlamp's) would only set
 * string attributes on custom elements; `@lit/react` sets element properties (objects such as
 * `client`) and wires `keda-*` events.
 */
// Defines only the keda-* elements the plugin renders (each define is guarded: the custom element
// registry is global). Not the package index: it defines every element, which would bundle
// cytoscape, CodeMirror and the creation wizard that no Headlamp route shows.
import 'keda-elements/context/define';
import 'keda-elements/elements/keda-scaled-object-list/define';
import 'keda-elements/elements/keda-scaled-job-list/define';
import 'keda-elements/elements/keda-trigger-auth-list/define';
import { createComponent } from '@lit/react';
import { KedaConnection as KedaConnectionElement } from 'keda-elements/context/keda-connection';
import { ScaledJobList as ScaledJobListElement } from 'keda-elements/elements/keda-scaled-job-list/keda-scaled-job-list';
import { ScaledObjectList as ScaledObjectListElement } from 'keda-elements/elements/keda-scaled-object-list/keda-scaled-object-list';
import {
  ClusterTriggerAuthList as ClusterTriggerAuthListElement,
  TriggerAuthList as TriggerAuthListElement,
} from 'keda-elements/elements/keda-trigger-auth-list/keda-trigger-auth-list';
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

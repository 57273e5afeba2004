/**
 * Details pages for ScaledObjects, ScaledJobs, TriggerAuthentications and ClusterTriggerAuthentications: the
 * keda-elements details views inside a `<keda-connection>` over Headlamp's API proxy, themed from
 * MUI, with links resolved to Headlamp's own routes (ours by kind, the built-in Job, Secret,
 * Deployment… pages) and back to the list after a delete.
 */
// Only the elements these pages render (not the package index, which defines every element).
import 'keda-elements/context/define';
import 'keda-elements/elements/keda-scaled-job-details/define';
import 'keda-elements/elements/keda-scaled-object-details/define';
import 'keda-elements/elements/keda-trigger-auth-details/define';
import { K8s, Router } from '@kinvolk/headlamp-plugin/lib';
import { SectionBox } from '@kinvolk/headlamp-plugin/lib/CommonComponents';
import { createComponent } from '@lit/react';
import { useTheme } from '@mui/material/styles';
import type { ObjectRef } from 'keda-elements/context/contexts';
import { KedaConnection as KedaConnectionElement } from 'keda-elements/context/keda-connection';
import { ScaledJobDetails as ScaledJobDetailsElement } from 'keda-elements/elements/keda-scaled-job-details/keda-scaled-job-details';
import { ScaledObjectDetails as ScaledObjectDetailsElement } from 'keda-elements/elements/keda-scaled-object-details/keda-scaled-object-details';
import { TriggerAuthDetails as TriggerAuthDetailsElement } from 'keda-elements/elements/keda-trigger-auth-details/keda-trigger-auth-details';
import React from 'react';
import { useHistory, useParams } from 'react-router-dom';
import { HeadlampKubeClient } from './headlamp-kube-client';
import { kedaThemeStyle } from './theme';
import { yamlRouteName } from './yaml-routes';

const KedaConnection = createComponent({
  tagName: 'keda-connection',
  elementClass: KedaConnectionElement,
  react: React,
  displayName: 'KedaConnection',
});

const ScaledObjectDetails = createComponent({
  tagName: 'keda-scaled-object-details',
  elementClass: ScaledObjectDetailsElement,
  react: React,
  displayName: 'ScaledObjectDetails',
  events: { onKedaDeleted: 'keda-deleted' },
});

const ScaledJobDetails = createComponent({
  tagName: 'keda-scaled-job-details',
  elementClass: ScaledJobDetailsElement,
  react: React,
  displayName: 'ScaledJobDetails',
  events: { onKedaDeleted: 'keda-deleted' },
});

const TriggerAuthDetails = createComponent({
  tagName: 'keda-trigger-auth-details',
  elementClass: TriggerAuthDetailsElement,
  react: React,
  displayName: 'TriggerAuthDetails',
  events: { onKedaDeleted: 'keda-deleted' },
});

/**
 * An href for `ref` in this Headlamp: the route registered under the kind's name (ours for the
 * KEDA kinds, Headlamp's for Job, Secret, Deployment, HorizontalPodAutoscaler…), or undefined
 * when there is none (the element then shows plain text). `view: 'yaml'` goes to our YAML editor
 * route for the KEDA kinds (Headlamp has no YAML page of its own to link to).
 */
export function headlampLink(ref: ObjectRef, cluster: string): string | undefined {
  const route = ref.view === 'yaml' ? yamlRouteName(ref.kind) : ref.kind;
  if (!route) return undefined;
  const params: Record<string, string> = { cluster, name: ref.name };
  if (ref.namespace) params.namespace = ref.namespace;
  const url = Router.createRouteURL(route, params);
  return url && url !== '/' ? url : undefined;
}

function KedaDetailsPage({
  title,
  listRoute,
  children,
}: {
  title: string;
  listRoute: string;
  children: (props: { onKedaDeleted: () => void }) => React.ReactNode;
}) {
  const cluster = K8s.useCluster() ?? '';
  const theme = useTheme();
  const history = useHistory();
  const client = React.useMemo(() => new HeadlampKubeClient({ cluster }), [cluster]);
  const links = React.useCallback((ref: ObjectRef) => headlampLink(ref, cluster), [cluster]);
  const style = React.useMemo(() => kedaThemeStyle(theme), [theme]);
  const onKedaDeleted = React.useCallback(
    () => history.push(Router.createRouteURL(listRoute, { cluster })),
    [history, listRoute, cluster]
  );
  return (
    <SectionBox title={title}>
      <div className="keda-theme" style={style}>
        <KedaConnection client={client} links={links}>
          {children({ onKedaDeleted })}
        </KedaConnection>
      </div>
    </SectionBox>
  );
}

export function ScaledObjectDetailsPage() {
  const { namespace = '', name = '' } = useParams<{ namespace?: string; name?: string }>();
  return (
    <KedaDetailsPage title="ScaledObject" listRoute="scaledobjects">
      {({ onKedaDeleted }) => (
        <ScaledObjectDetails namespace={namespace} name={name} onKedaDeleted={onKedaDeleted} />
      )}
    </KedaDetailsPage>
  );
}

export function ScaledJobDetailsPage() {
  const { namespace = '', name = '' } = useParams<{ namespace?: string; name?: string }>();
  return (
    <KedaDetailsPage title="ScaledJob" listRoute="scaledjobs">
      {({ onKedaDeleted }) => (
        <ScaledJobDetails namespace={namespace} name={name} onKedaDeleted={onKedaDeleted} />
      )}
    </KedaDetailsPage>
  );
}

export function TriggerAuthenticationDetailsPage() {
  const { namespace = '', name = '' } = useParams<{ namespace?: string; name?: string }>();
  return (
    <KedaDetailsPage title="TriggerAuthentication" listRoute="triggerauthentications">
      {({ onKedaDeleted }) => (
        <TriggerAuthDetails
          kind="TriggerAuthentication"
          namespace={namespace}
          name={name}
          onKedaDeleted={onKedaDeleted}
        />
      )}
    </KedaDetailsPage>
  );
}

export function ClusterTriggerAuthenticationDetailsPage() {
  const { name = '' } = useParams<{ name?: string }>();
  return (
    <KedaDetailsPage title="ClusterTriggerAuthentication" listRoute="clustertriggerauthentications">
      {({ onKedaDeleted }) => (
        <TriggerAuthDetails
          kind="ClusterTriggerAuthentication"
          name={name}
          onKedaDeleted={onKedaDeleted}
        />
      )}
    </KedaDetailsPage>
  );
}

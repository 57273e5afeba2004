/**
 * Details pages for ScaledObjects, ScaledJobs, TriggerAuthentications and ClusterTriggerAuthentications: the
 * keda-elements details views inside a connection over Headlamp's API proxy whose metrics sampler
 * follows the plugin settings (settings-connection.tsx), themed from MUI, with links resolved to
 * Headlamp's own routes (ours by kind, the built-in Job, Secret, Deployment… pages) as router
 * hrefs (router-links.tsx), and back to the list after a delete.
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
import { ScaledJobDetails as ScaledJobDetailsElement } from 'keda-elements/elements/keda-scaled-job-details/keda-scaled-job-details';
import { ScaledObjectDetails as ScaledObjectDetailsElement } from 'keda-elements/elements/keda-scaled-object-details/keda-scaled-object-details';
import { TriggerAuthDetails as TriggerAuthDetailsElement } from 'keda-elements/elements/keda-trigger-auth-details/keda-trigger-auth-details';
import React from 'react';
import { useHistory, useParams } from 'react-router-dom';
import { useRouterLinks } from './router-links';
import { SettingsConnection, useSettingsConnection } from './settings-connection';
import { kedaThemeStyle } from './theme';

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

// Where the plugin's links go; kept importable from here.
export { headlampLink } from './router-links';

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
  // The settings' polling floor, history length and Prometheus reach the Live charts' sampler.
  const { client, samplerOptions } = useSettingsConnection(cluster);
  const { links, container } = useRouterLinks(cluster);
  const style = React.useMemo(() => kedaThemeStyle(theme), [theme]);
  const onKedaDeleted = React.useCallback(
    () => history.push(Router.createRouteURL(listRoute, { cluster })),
    [history, listRoute, cluster]
  );
  return (
    <SectionBox title={title}>
      <div className="keda-theme" style={style} ref={container}>
        <SettingsConnection client={client} samplerOptions={samplerOptions} links={links}>
          {children({ onKedaDeleted })}
        </SettingsConnection>
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

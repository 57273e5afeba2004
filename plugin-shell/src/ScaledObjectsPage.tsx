import { K8s } from '@kinvolk/headlamp-plugin/lib';
import { SectionBox } from '@kinvolk/headlamp-plugin/lib/CommonComponents';
import { useTheme } from '@mui/material/styles';
import type { ObjectRef } from 'keda-elements/context/contexts';
import React from 'react';
import { HeadlampKubeClient } from './headlamp-kube-client';
import { headlampLink } from './KedaDetailsPages';
import { KedaInstallCheck } from './KedaInstallCheck';
import {
  ClusterTriggerAuthList,
  KedaConnection,
  ScaledJobList,
  ScaledObjectList,
  TriggerAuthList,
} from './react-elements';
import { kedaThemeStyle } from './theme';

/**
 * A KEDA list page: a `<keda-connection>` over Headlamp's API proxy for the current cluster, with
 * one list element inside, themed from Headlamp's MUI theme, its links resolved by Headlamp's router.
 */
export function KedaListPage({ title, children }: { title: string; children: React.ReactNode }) {
  const cluster = K8s.useCluster();
  const theme = useTheme();
  // One client (and so one store and one set of watches) per cluster: @lit/react sets properties
  // on every render and the connection rebuilds its store when `client` changes identity.
  const client = React.useMemo(() => new HeadlampKubeClient({ cluster }), [cluster]);
  const style = React.useMemo(() => kedaThemeStyle(theme), [theme]);
  // Row links go through Headlamp's router: our details routes, its Deployment/HPA/Secret pages.
  const links = React.useCallback((ref: ObjectRef) => headlampLink(ref, cluster ?? ''), [cluster]);

  return (
    <KedaInstallCheck>
      <SectionBox title={title}>
        <div className="keda-theme" style={style}>
          <KedaConnection client={client} links={links}>
            {children}
          </KedaConnection>
        </div>
      </SectionBox>
    </KedaInstallCheck>
  );
}

export function ScaledObjectsPage() {
  return (
    <KedaListPage title="ScaledObjects">
      <ScaledObjectList />
    </KedaListPage>
  );
}

export function ScaledJobsPage() {
  return (
    <KedaListPage title="ScaledJobs">
      <ScaledJobList />
    </KedaListPage>
  );
}

export function TriggerAuthenticationsPage() {
  return (
    <KedaListPage title="TriggerAuthentications">
      <TriggerAuthList />
    </KedaListPage>
  );
}

export function ClusterTriggerAuthenticationsPage() {
  return (
    <KedaListPage title="ClusterTriggerAuthentications">
      <ClusterTriggerAuthList />
    </KedaListPage>
  );
}

export default ScaledObjectsPage;

import { K8s } from '@kinvolk/headlamp-plugin/lib';
import { SectionBox } from '@kinvolk/headlamp-plugin/lib/CommonComponents';
import { useTheme } from '@mui/material/styles';
import type { ObjectRef } from 'keda-elements/context/contexts';
import type { ListCluster } from 'keda-elements/elements/shared/list-view';
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
import { useClusterStores, useSelectedKedaClusters } from './selected-clusters';
import { kedaThemeStyle } from './theme';

type ListComponent = React.ComponentType<{ clusters?: ListCluster[] }>;

/**
 * A KEDA list page, themed from Headlamp's MUI theme, its links resolved by Headlamp's router.
 * One cluster selected: the list inside a `<keda-connection>` over Headlamp's API proxy for it.
 * Several: the list spans them (a CLUSTER column), with one store per cluster, each through
 * Headlamp's proxy for that cluster, and each row linking to its own cluster's pages.
 */
export function KedaListPage({ title, list: List }: { title: string; list: ListComponent }) {
  const selected = useSelectedKedaClusters();
  const theme = useTheme();
  const style = React.useMemo(() => kedaThemeStyle(theme), [theme]);
  const page = (list: React.ReactNode) => (
    <SectionBox title={title}>
      <div className="keda-theme" style={style}>
        {list}
      </div>
    </SectionBox>
  );
  // Across clusters, one without KEDA must not hide the others: its rows are missing and the
  // list reports its error (404) while showing what the other clusters have.
  if (selected.length > 1) return page(<MultiClusterList clusters={selected} List={List} />);
  return <KedaInstallCheck>{page(<SingleClusterList List={List} />)}</KedaInstallCheck>;
}

function SingleClusterList({ List }: { List: ListComponent }) {
  const cluster = K8s.useCluster();
  // One client (and so one store and one set of watches) per cluster: @lit/react sets properties
  // on every render and the connection rebuilds its store when `client` changes identity.
  const client = React.useMemo(() => new HeadlampKubeClient({ cluster }), [cluster]);
  // Row links go through Headlamp's router: our details routes, its Deployment/HPA/Secret pages.
  const links = React.useCallback((ref: ObjectRef) => headlampLink(ref, cluster ?? ''), [cluster]);
  return (
    <KedaConnection client={client} links={links}>
      <List />
    </KedaConnection>
  );
}

/** Links of one cluster's rows: the same routes, under `/c/<that cluster>/`. */
const clusterLinks = (cluster: string) => (ref: ObjectRef) => headlampLink(ref, cluster);

function MultiClusterList({ clusters, List }: { clusters: string[]; List: ListComponent }) {
  const listClusters = useClusterStores(clusters, clusterLinks);
  return <List clusters={listClusters} />;
}

export function ScaledObjectsPage() {
  return <KedaListPage title="ScaledObjects" list={ScaledObjectList} />;
}

export function ScaledJobsPage() {
  return <KedaListPage title="ScaledJobs" list={ScaledJobList} />;
}

export function TriggerAuthenticationsPage() {
  return <KedaListPage title="TriggerAuthentications" list={TriggerAuthList} />;
}

export function ClusterTriggerAuthenticationsPage() {
  return <KedaListPage title="ClusterTriggerAuthentications" list={ClusterTriggerAuthList} />;
}

export default ScaledObjectsPage;

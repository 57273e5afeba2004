import { K8s, Router } from '@kinvolk/headlamp-plugin/lib';
import { SectionBox } from '@kinvolk/headlamp-plugin/lib/CommonComponents';
import Button from '@mui/material/Button';
import { useTheme } from '@mui/material/styles';
import type { LinkResolver } from 'keda-elements/context/contexts';
import type { ListCluster } from 'keda-elements/elements/shared/list-view';
import React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { HeadlampKubeClient } from './headlamp-kube-client';
import { KedaInstallCheck } from './KedaInstallCheck';
import {
  ClusterTriggerAuthList,
  KedaConnection,
  ScaledJobList,
  ScaledObjectList,
  TriggerAuthList,
} from './react-elements';
import { useClusterRouterLinks } from './router-links';
import { useClusterStores, useSelectedKedaClusters } from './selected-clusters';
import { kedaThemeStyle } from './theme';
import { CREATE_YAML_ROUTE, type YamlKind } from './yaml-routes';

type ListComponent = React.ComponentType<{ clusters?: ListCluster[] }>;
type CreatableKind = YamlKind['kind'];

/**
 * A KEDA list page, themed from Headlamp's MUI theme, its links resolved by Headlamp's router.
 * One cluster selected: the list inside a `<keda-connection>` over Headlamp's API proxy for it.
 * Several: the list spans them (a CLUSTER column), with one store per cluster, each through
 * Headlamp's proxy for that cluster, and each row linking to its own cluster's pages.
 */
export function KedaListPage({
  title,
  list: List,
  creates,
}: {
  title: string;
  list: ListComponent;
  /** The kind the list's Create buttons make (the wizard and YAML, or YAML only for credentials). */
  creates?: CreatableKind;
}) {
  const selected = useSelectedKedaClusters();
  const theme = useTheme();
  const style = React.useMemo(() => kedaThemeStyle(theme), [theme]);
  // Row links go through Headlamp's router: our details routes, its Deployment/HPA/Secret pages,
  // as hrefs of its history (hash in the desktop app, below a base URL), followed in place.
  const { linksFor, container } = useClusterRouterLinks();
  // Creating needs one cluster to create in: no buttons while the list spans several.
  const actions =
    creates && selected.length <= 1 ? createActions(creates, selected[0] ?? '') : undefined;
  const page = (list: React.ReactNode) => (
    <SectionBox title={title} headerProps={{ actions }}>
      <div className="keda-theme" style={style} ref={container}>
        {list}
      </div>
    </SectionBox>
  );
  // Across clusters, one without KEDA must not hide the others: its rows are missing and the
  // list reports its error (404) while showing what the other clusters have.
  if (selected.length > 1) {
    return page(<MultiClusterList clusters={selected} List={List} linksFor={linksFor} />);
  }
  return (
    <KedaInstallCheck>
      {page(<SingleClusterList List={List} linksFor={linksFor} />)}
    </KedaInstallCheck>
  );
}

/**
 * Create with the wizard, or from YAML (several `---` documents at once); credentials from YAML
 * only (the editor starts them with the Secret they read).
 */
function createActions(kind: CreatableKind, cluster: string): React.ReactNode[] {
  const query = kind === 'ScaledObject' ? '' : `?kind=${kind}`;
  const href = (route: string) => `${Router.createRouteURL(route, { cluster })}${query}`;
  if (kind === 'TriggerAuthentication' || kind === 'ClusterTriggerAuthentication') {
    return [
      <Button
        key="yaml"
        component={RouterLink}
        to={href(CREATE_YAML_ROUTE.name)}
        variant="contained"
      >
        Create {kind}…
      </Button>,
    ];
  }
  return [
    <Button key="yaml" component={RouterLink} to={href(CREATE_YAML_ROUTE.name)} variant="outlined">
      Create from YAML…
    </Button>,
    <Button key="wizard" component={RouterLink} to={href('keda-create')} variant="contained">
      Create {kind}…
    </Button>,
  ];
}

type ClusterLinks = (cluster: string) => LinkResolver;

function SingleClusterList({ List, linksFor }: { List: ListComponent; linksFor: ClusterLinks }) {
  const cluster = K8s.useCluster();
  // One client (and so one store and one set of watches) per cluster: @lit/react sets properties
  // on every render and the connection rebuilds its store when `client` changes identity.
  const client = React.useMemo(() => new HeadlampKubeClient({ cluster }), [cluster]);
  return (
    <KedaConnection client={client} links={linksFor(cluster ?? '')}>
      <List />
    </KedaConnection>
  );
}

/** Each cluster's rows link to that cluster's pages (the same routes, under `/c/<it>/`). */
function MultiClusterList({
  clusters,
  List,
  linksFor,
}: {
  clusters: string[];
  List: ListComponent;
  linksFor: ClusterLinks;
}) {
  const listClusters = useClusterStores(clusters, linksFor);
  return <List clusters={listClusters} />;
}

export function ScaledObjectsPage() {
  return <KedaListPage title="ScaledObjects" list={ScaledObjectList} creates="ScaledObject" />;
}

export function ScaledJobsPage() {
  return <KedaListPage title="ScaledJobs" list={ScaledJobList} creates="ScaledJob" />;
}

export function TriggerAuthenticationsPage() {
  return (
    <KedaListPage
      title="TriggerAuthentications"
      list={TriggerAuthList}
      creates="TriggerAuthentication"
    />
  );
}

export function ClusterTriggerAuthenticationsPage() {
  return (
    <KedaListPage
      title="ClusterTriggerAuthentications"
      list={ClusterTriggerAuthList}
      creates="ClusterTriggerAuthentication"
    />
  );
}

export default ScaledObjectsPage;

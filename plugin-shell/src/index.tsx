// Registrations only: everything they point at lives in its own module.
import {
  registerDetailsViewSection,
  registerPluginSettings,
  registerResourceTableColumnsProcessor,
  registerRoute,
  registerSidebarEntry,
} from '@kinvolk/headlamp-plugin/lib';
import {
  ClusterTriggerAuthenticationDetailsPage,
  ScaledJobDetailsPage,
  ScaledObjectDetailsPage,
  TriggerAuthenticationDetailsPage,
} from './KedaDetailsPages';
import {
  KedaCreatePage,
  KedaCreateYamlPage,
  KedaRelationshipsPage,
  KedaYamlPage,
} from './LazyElementPages';
import { registerKedaMap } from './map-source';
import { kedaColumnsProcessor, ScaledByKedaSection } from './ScaledByKeda';
import {
  ClusterTriggerAuthenticationsPage,
  ScaledJobsPage,
  ScaledObjectsPage,
  TriggerAuthenticationsPage,
} from './ScaledObjectsPage';
import { KedaSettingsForm, PLUGIN_NAME } from './settings';
import { CREATE_YAML_ROUTE, YAML_KINDS, yamlRouteName, yamlRoutePath } from './yaml-routes';

registerSidebarEntry({
  parent: null,
  name: 'keda',
  label: 'KEDA',
  icon: 'mdi:lightning-bolt',
  url: '/keda/scaledobjects',
});

// Route names are the resources' plurals: Headlamp's KubeObject.listRoute looks them up by apiName.
const lists = [
  { plural: 'scaledobjects', label: 'ScaledObjects', page: ScaledObjectsPage },
  { plural: 'scaledjobs', label: 'ScaledJobs', page: ScaledJobsPage },
  {
    plural: 'triggerauthentications',
    label: 'TriggerAuthentications',
    page: TriggerAuthenticationsPage,
  },
  {
    plural: 'clustertriggerauthentications',
    label: 'ClusterTriggerAuthentications',
    page: ClusterTriggerAuthenticationsPage,
  },
];

for (const { plural, label, page: Page } of lists) {
  registerSidebarEntry({ parent: 'keda', name: `keda-${plural}`, label, url: `/keda/${plural}` });
  registerRoute({
    path: `/keda/${plural}`,
    name: plural,
    sidebar: `keda-${plural}`,
    exact: true,
    component: () => <Page />,
  });
}

// Details routes are named by kind: Headlamp's KubeObject.detailsRoute and Router.createRouteURL
// look them up by that name.
const details = [
  {
    path: '/keda/scaledobjects/:namespace/:name',
    kind: 'ScaledObject',
    plural: 'scaledobjects',
    page: ScaledObjectDetailsPage,
  },
  {
    path: '/keda/scaledjobs/:namespace/:name',
    kind: 'ScaledJob',
    plural: 'scaledjobs',
    page: ScaledJobDetailsPage,
  },
  {
    path: '/keda/triggerauthentications/:namespace/:name',
    kind: 'TriggerAuthentication',
    plural: 'triggerauthentications',
    page: TriggerAuthenticationDetailsPage,
  },
  {
    path: '/keda/clustertriggerauthentications/:name',
    kind: 'ClusterTriggerAuthentication',
    plural: 'clustertriggerauthentications',
    page: ClusterTriggerAuthenticationDetailsPage,
  },
];

for (const { path, kind, plural, page: Page } of details) {
  registerRoute({
    path,
    name: kind,
    sidebar: `keda-${plural}`,
    exact: true,
    component: () => <Page />,
  });
}

// The YAML editor of each KEDA object (the details pages' "Edit YAML" links here), named by kind
// + "Yaml". The editor, the wizard and the graph load their element from a file beside main.js
// when first shown (lazy-elements.ts).
for (const kind of YAML_KINDS) {
  registerRoute({
    path: yamlRoutePath(kind),
    name: yamlRouteName(kind.kind),
    sidebar: `keda-${kind.plural}`,
    exact: true,
    component: () => <KedaYamlPage kind={kind} />,
  });
}

// The creation wizard and the relationship graph: their own sidebar entries under KEDA.
registerSidebarEntry({ parent: 'keda', name: 'keda-create', label: 'Create', url: '/keda/create' });
registerRoute({
  path: '/keda/create',
  name: 'keda-create',
  sidebar: 'keda-create',
  exact: true,
  component: () => <KedaCreatePage />,
});
// New objects from YAML (several documents at once): linked from the ScaledObject and ScaledJob lists.
registerRoute({
  path: CREATE_YAML_ROUTE.path,
  name: CREATE_YAML_ROUTE.name,
  sidebar: 'keda-create',
  exact: true,
  component: () => <KedaCreateYamlPage />,
});
registerSidebarEntry({
  parent: 'keda',
  name: 'keda-relationships',
  label: 'Relationships',
  url: '/keda/relationships',
});
registerRoute({
  path: '/keda/relationships',
  name: 'keda-relationships',
  sidebar: 'keda-relationships',
  exact: true,
  component: () => <KedaRelationshipsPage />,
});

// Map View: the KEDA group with explicit edges (and relation providers where Headlamp has them).
registerKedaMap();

// "Scaled by KEDA" on Headlamp's Deployment, StatefulSet, HPA and Job pages KEDA manages.
registerDetailsViewSection(({ resource }) => <ScaledByKedaSection resource={resource} />);
// The KEDA column on Headlamp's Deployment and StatefulSet lists.
registerResourceTableColumnsProcessor({ id: 'keda-column', processor: kedaColumnsProcessor });

// Settings → Plugins: Prometheus address, history length, metrics polling floor (saved as typed).
registerPluginSettings(PLUGIN_NAME, KedaSettingsForm, false);

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
import { registerKedaMap } from './map-source';
import { kedaColumnsProcessor, ScaledByKedaSection } from './ScaledByKeda';
import {
  ClusterTriggerAuthenticationsPage,
  ScaledJobsPage,
  ScaledObjectsPage,
  TriggerAuthenticationsPage,
} from './ScaledObjectsPage';
import { KedaSettingsForm, PLUGIN_NAME } from './settings';

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

// Map View: the KEDA group with explicit edges (and relation providers where Headlamp has them).
registerKedaMap();

// "Scaled by KEDA" on Headlamp's Deployment, StatefulSet, HPA and Job pages KEDA manages.
registerDetailsViewSection(({ resource }) => <ScaledByKedaSection resource={resource} />);
// The KEDA column on Headlamp's Deployment and StatefulSet lists.
registerResourceTableColumnsProcessor({ id: 'keda-column', processor: kedaColumnsProcessor });

// Settings → Plugins: Prometheus address, history length, metrics polling floor (saved as typed).
registerPluginSettings(PLUGIN_NAME, KedaSettingsForm, false);

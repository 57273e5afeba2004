// Registrations only: everything they point at lives in its own module.
import { registerRoute, registerSidebarEntry } from '@kinvolk/headlamp-plugin/lib';
import {
  ClusterTriggerAuthenticationsPage,
  ScaledJobsPage,
  ScaledObjectsPage,
  TriggerAuthenticationsPage,
} from './ScaledObjectsPage';

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

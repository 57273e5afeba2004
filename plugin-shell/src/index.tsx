// Registrations only: everything they point at lives in its own module.
import { registerRoute, registerSidebarEntry } from '@kinvolk/headlamp-plugin/lib';
import { ScaledObjectsPage } from './ScaledObjectsPage';

registerSidebarEntry({
  parent: null,
  name: 'keda',
  label: 'KEDA',
  icon: 'mdi:lightning-bolt',
  url: '/keda/scaledobjects',
});

registerSidebarEntry({
  parent: 'keda',
  name: 'keda-scaledobjects',
  label: 'ScaledObjects',
  url: '/keda/scaledobjects',
});

registerRoute({
  path: '/keda/scaledobjects',
  // = ScaledObject's apiName, the name Headlamp's KubeObject.listRoute looks up.
  name: 'scaledobjects',
  sidebar: 'keda-scaledobjects',
  exact: true,
  component: () => <ScaledObjectsPage />,
});

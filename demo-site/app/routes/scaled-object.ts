import type { ScaledObjectDetails } from 'keda-elements';
import { reuse, type Route } from '../router.ts';

/** `/scaledobjects/<namespace>/<name>`: a ScaledObject's details. */
export const scaledObjectRoute: Route = (segments) => {
  if (segments[0] !== 'scaledobjects' || segments.length !== 3) return undefined;
  const [, namespace, name] = segments as [string, string, string];
  return {
    title: `${name} (${namespace})`,
    tab: 'scaledobjects',
    back: { href: '/scaledobjects', label: '← All ScaledObjects' },
    mount(connection) {
      const { element } = reuse(
        connection,
        'keda-scaled-object-details',
        () => document.createElement('keda-scaled-object-details') as ScaledObjectDetails,
      );
      element.namespace = namespace;
      element.name = name;
    },
  };
};

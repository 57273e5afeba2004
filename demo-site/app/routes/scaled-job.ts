import type { ScaledJobDetails } from 'keda-elements';
import { reuse, type Route } from '../router.ts';

/** `/scaledjobs/<namespace>/<name>`: a ScaledJob's details. */
export const scaledJobRoute: Route = (segments) => {
  if (segments[0] !== 'scaledjobs' || segments.length !== 3) return undefined;
  const [, namespace, name] = segments as [string, string, string];
  return {
    title: `${name} (${namespace})`,
    tab: 'scaledjobs',
    back: { href: '/scaledjobs', label: '← All ScaledJobs' },
    mount(connection) {
      const { element } = reuse(
        connection,
        'keda-scaled-job-details',
        () => document.createElement('keda-scaled-job-details') as ScaledJobDetails,
      );
      element.namespace = namespace;
      element.name = name;
    },
  };
};

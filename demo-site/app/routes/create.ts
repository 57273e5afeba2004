import { reuse, type Route } from '../router.ts';

/** `/create[?kind=ScaledJob&namespace=ns]`: the creation wizard. */
export const createRoute: Route = (segments, url) => {
  if (segments.length !== 1 || segments[0] !== 'create') return undefined;
  const scaledJob = url.searchParams.get('kind') === 'ScaledJob';
  return {
    title: scaledJob ? 'Create a ScaledJob' : 'Create a ScaledObject or ScaledJob',
    tab: scaledJob ? 'scaledjobs' : 'scaledobjects',
    back: scaledJob
      ? { href: '/scaledjobs', label: '← All ScaledJobs' }
      : { href: '/scaledobjects', label: '← All ScaledObjects' },
    createAlt: { href: `/create/yaml${url.search}`, label: 'Create from YAML…' },
    mount(connection) {
      reuse(connection, 'keda-create-wizard', () => {
        const wizard = document.createElement('keda-create-wizard');
        wizard.setAttribute('namespace', url.searchParams.get('namespace') ?? 'default');
        if (scaledJob) wizard.setAttribute('kind', 'ScaledJob');
        return wizard;
      });
    },
  };
};

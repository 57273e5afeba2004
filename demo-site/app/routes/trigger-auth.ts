import type { TriggerAuthDetails } from 'keda-elements';
import { reuse, type Route } from '../router.ts';

/**
 * `/triggerauthentications/<namespace>/<name>` and `/clustertriggerauthentications/<name>`: the
 * details of a TriggerAuthentication or ClusterTriggerAuthentication (one element, by `kind`).
 */
export const triggerAuthRoute: Route = (segments) => {
  const cluster = segments[0] === 'clustertriggerauthentications' && segments.length === 2;
  const namespaced = segments[0] === 'triggerauthentications' && segments.length === 3;
  if (!cluster && !namespaced) return undefined;
  const name = segments.at(-1)!;
  const namespace = namespaced ? segments[1]! : '';
  const plural = segments[0]!;
  return {
    title: cluster ? name : `${name} (${namespace})`,
    tab: plural,
    back: {
      href: `/${plural}`,
      label: cluster ? '← All ClusterTriggerAuthentications' : '← All TriggerAuthentications',
    },
    mount(connection) {
      const { element } = reuse(
        connection,
        'keda-trigger-auth-details',
        () => document.createElement('keda-trigger-auth-details') as TriggerAuthDetails,
      );
      element.kind = cluster ? 'ClusterTriggerAuthentication' : 'TriggerAuthentication';
      element.namespace = namespace;
      element.name = name;
    },
  };
};

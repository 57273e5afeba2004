import type { KubeObject } from 'keda-elements';
import { kindByName } from '../kinds.ts';
import { linkTo } from '../links.ts';
import { navigate, reuse, type Route } from '../router.ts';

/** The starting text: a ScaledObject that explains itself, and how to add more documents. */
function createYamlTemplate(namespace: string): string {
  return `# Write one or more objects, separated by lines of "---": KEDA's ScaledObjects, ScaledJobs,
# TriggerAuthentications, ClusterTriggerAuthentications, and the Secrets they read. Each is
# checked as you type, then sent to a dry run, then created in the order written: put a Secret
# and its TriggerAuthentication before the ScaledObject that uses them.
#
# An example: run 2 replicas of a Deployment during office hours, none at night.
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: office-hours
  namespace: ${namespace}
spec:
  scaleTargetRef:
    name: my-deployment      # the Deployment to scale, in the same namespace
  minReplicaCount: 0         # outside the schedule
  maxReplicaCount: 5
  triggers:
  - type: cron
    metadata:
      timezone: Etc/UTC
      start: 0 8 * * 1-5     # scale up at 08:00, Monday to Friday
      end: 0 18 * * 1-5      # and down at 18:00
      desiredReplicas: "2"
`;
}

/** `/create/yaml[?kind=ScaledJob&namespace=ns]`: create objects from YAML (several documents at once). */
export const createYamlRoute: Route = (segments, url) => {
  if (segments.length !== 2 || segments[0] !== 'create' || segments[1] !== 'yaml') return undefined;
  const page = kindByName(url.searchParams.get('kind') ?? '') ?? kindByName('ScaledObject')!;
  const namespace = url.searchParams.get('namespace') ?? 'default';
  return {
    title: 'Create from YAML',
    tab: page.plural,
    back: { href: `/${page.plural}`, label: `← All ${page.kind}s` },
    createAlt:
      page.kind === 'ScaledObject' || page.kind === 'ScaledJob'
        ? { href: `/create${url.search}`, label: 'Use the wizard…' }
        : undefined,
    mount(connection) {
      reuse(connection, 'keda-yaml-editor', () => {
        const editor = document.createElement('keda-yaml-editor');
        editor.setAttribute('mode', 'create');
        editor.setAttribute('kind', page.kind);
        editor.setAttribute('namespace', namespace);
        editor.setAttribute('draft-key', connection.baseUrl ?? 'cluster');
        if (page.kind === 'ScaledObject') editor.initialText = createYamlTemplate(namespace);
        // One object created: to its page (several: the editor lists them with their links).
        editor.addEventListener('keda-saved', (event: CustomEvent<KubeObject>) => {
          event.stopPropagation();
          const { name = '', namespace: ns } = event.detail.metadata;
          navigate(linkTo({ kind: page.kind, namespace: ns, name }) ?? `/${page.plural}`);
        });
        return editor;
      });
    },
  };
};

import { kindByPlural } from '../kinds.ts';
import { detailsKinds } from '../links.ts';
import { pathOf, type Route } from '../router.ts';

/** `/<plural>/<namespace>/<name>/yaml` (cluster-scoped: `/<plural>/<name>/yaml`): the YAML editor. */
export const yamlRoute: Route = (segments) => {
  const page = kindByPlural(segments[0]);
  if (!page || segments.at(-1) !== 'yaml') return undefined;
  const rest = segments.slice(1, -1);
  if (rest.length !== (page.namespaced ? 2 : 1)) return undefined;
  const [namespace, name] = page.namespaced ? [rest[0]!, rest[1]!] : ['', rest[0]!];
  const objectPath = page.namespaced ? pathOf(page.plural, namespace, name) : pathOf(page.plural, name);
  const back = detailsKinds.has(page.kind)
    ? { href: objectPath, label: `← ${name}` }
    : { href: pathOf(page.plural), label: `← All ${page.kind}s` };
  return {
    title: page.namespaced ? `${name} YAML (${namespace})` : `${name} YAML`,
    tab: page.plural,
    back,
    mount(connection) {
      const editor = document.createElement('keda-yaml-editor');
      editor.setAttribute('kind', page.kind);
      if (namespace) editor.setAttribute('namespace', namespace);
      editor.setAttribute('name', name);
      editor.setAttribute('draft-key', connection.baseUrl ?? 'cluster');
      connection.replaceChildren(editor);
    },
  };
};

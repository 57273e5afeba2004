/**
 * The routes that show the heavy elements: the YAML editor of a KEDA object, the creation wizard
 * and the relationship graph. Each element comes from its own file beside main.js
 * (lazy-elements.ts), loaded when its route first mounts; until then the page says it is loading,
 * and if the file cannot be loaded, says why and from which URL, with a retry.
 *
 * The elements render inside a `<keda-connection>` over Headlamp's API proxy for the current
 * cluster, themed from MUI, with links resolved by Headlamp's router (router-links.tsx), as on
 * the details pages.
 */
import { K8s, Router } from '@kinvolk/headlamp-plugin/lib';
import { SectionBox } from '@kinvolk/headlamp-plugin/lib/CommonComponents';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { useTheme } from '@mui/material/styles';
import type { KubeObject } from 'keda-elements/core/kube/types';
import React from 'react';
import { useHistory, useLocation, useParams } from 'react-router-dom';
import { HeadlampKubeClient } from './headlamp-kube-client';
import { KedaInstallCheck } from './KedaInstallCheck';
import { LazyElementError, loadLazyElement } from './lazy-elements';
import type { LazyElementTag } from './lazy-manifest';
import { KedaConnection } from './react-elements';
import { useRouterLinks } from './router-links';
import { kedaThemeStyle } from './theme';
import { YAML_KINDS, type YamlKind } from './yaml-routes';

export type LazyState =
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'error'; message: string; url?: string };

/** Loads `tag` on mount; `retry` tries again after an error. */
export function useLazyElement(tag: LazyElementTag): { state: LazyState; retry: () => void } {
  const [attempt, setAttempt] = React.useState(0);
  const [state, setState] = React.useState<LazyState>(() =>
    customElements.get(tag) ? { status: 'ready' } : { status: 'loading' }
  );
  React.useEffect(() => {
    let live = true;
    if (customElements.get(tag)) {
      setState({ status: 'ready' });
      return;
    }
    setState({ status: 'loading' });
    loadLazyElement(tag).then(
      () => live && setState({ status: 'ready' }),
      (error: unknown) => {
        if (!live) return;
        setState({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
          url: error instanceof LazyElementError ? error.url : undefined,
        });
      }
    );
    return () => {
      live = false;
    };
  }, [tag, attempt]);
  const retry = React.useCallback(() => setAttempt(n => n + 1), []);
  return { state, retry };
}

/** Calls `handlers[type](event)` for each `type` event the element at `ref` fires. */
function useElementEvents(
  ref: React.RefObject<HTMLElement>,
  handlers: Record<string, (event: CustomEvent) => void>
) {
  const latest = React.useRef(handlers);
  latest.current = handlers;
  const types = Object.keys(handlers).join(' ');
  React.useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const listeners = types
      .split(' ')
      .filter(Boolean)
      .map(type => {
        const listener = (event: Event) => latest.current[type]?.(event as CustomEvent);
        element.addEventListener(type, listener);
        return () => element.removeEventListener(type, listener);
      });
    return () => listeners.forEach(remove => remove());
  });
}

/**
 * A lazily loaded element, created once its file has run: `attributes` are set as attributes
 * (React 18 sets only attributes on custom elements; these elements' inputs are strings), and
 * `on` maps `keda-*` event types to handlers.
 */
function LazyElement({
  tag,
  attributes,
  on = {},
}: {
  tag: LazyElementTag;
  attributes: Record<string, string | undefined>;
  on?: Record<string, (event: CustomEvent) => void>;
}) {
  const ref = React.useRef<HTMLElement>(null);
  useElementEvents(ref, on);
  const defined = Object.fromEntries(
    Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined)
  );
  return React.createElement(tag, { ...defined, ref });
}

function LazyStatus({ tag, state, retry }: { tag: string; state: LazyState; retry: () => void }) {
  if (state.status === 'loading') {
    return (
      <div role="status" style={{ display: 'flex', alignItems: 'center', gap: 12, padding: 16 }}>
        <CircularProgress size={20} aria-hidden="true" />
        <span>Loading the {tag} element…</span>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={retry}>
            Retry
          </Button>
        }
      >
        <div>
          The {tag} element could not be loaded{state.url ? ` from ${state.url}` : ''}.
        </div>
        <div>{state.message}</div>
        <div>
          It is a file of this plugin next to main.js: check that the plugin folder holds every file
          of the package, not only main.js and package.json.
        </div>
      </Alert>
    );
  }
  return null;
}

/** A page around one lazy element: the section, the theme, the connection, the load state. */
function KedaLazyPage({
  title,
  tag,
  children,
}: {
  title: string;
  tag: LazyElementTag;
  children: () => React.ReactNode;
}) {
  const cluster = K8s.useCluster() ?? '';
  const theme = useTheme();
  const client = React.useMemo(() => new HeadlampKubeClient({ cluster }), [cluster]);
  const { links, container } = useRouterLinks(cluster);
  const style = React.useMemo(() => kedaThemeStyle(theme), [theme]);
  const { state, retry } = useLazyElement(tag);
  return (
    <KedaInstallCheck>
      <SectionBox title={title}>
        <div className="keda-theme" style={style} ref={container}>
          {state.status === 'ready' ? (
            <KedaConnection client={client} links={links}>
              {children()}
            </KedaConnection>
          ) : (
            <LazyStatus tag={tag} state={state} retry={retry} />
          )}
        </div>
      </SectionBox>
    </KedaInstallCheck>
  );
}

/** `/keda/<plural>/:namespace/:name/yaml`: the object's YAML editor; back to its details after. */
export function KedaYamlPage({ kind }: { kind: YamlKind }) {
  const { namespace = '', name = '' } = useParams<{ namespace?: string; name?: string }>();
  const cluster = K8s.useCluster() ?? '';
  const history = useHistory();
  const details = Router.createRouteURL(kind.kind, {
    cluster,
    name,
    ...(kind.namespaced ? { namespace } : {}),
  });
  const back = () => history.push(details);
  return (
    <KedaLazyPage title={`${kind.kind} YAML`} tag="keda-yaml-editor">
      {() => (
        <LazyElement
          tag="keda-yaml-editor"
          attributes={{
            kind: kind.kind,
            namespace: kind.namespaced ? namespace : undefined,
            name,
            // Unsaved text is kept per cluster (and kind, namespace, name) in the browser.
            'draft-key': cluster || 'headlamp',
          }}
          on={{ 'keda-saved': back, 'keda-cancel': back }}
        />
      )}
    </KedaLazyPage>
  );
}

/**
 * `/keda/create/yaml[?kind=<kind>][&namespace=<ns>]`: new objects written as YAML, several `---`
 * documents at once. One object of the kind created: to its details (the editor fires
 * `keda-saved`); several: the editor lists them with links. Cancel: to the kind's list.
 */
export function KedaCreateYamlPage() {
  const { search } = useLocation();
  const query = new URLSearchParams(search);
  const kind = YAML_KINDS.find(k => k.kind === query.get('kind')) ?? YAML_KINDS[0];
  const cluster = K8s.useCluster() ?? '';
  const history = useHistory();
  const onSaved = (event: CustomEvent) => {
    const { name = '', namespace = '' } = (event.detail as KubeObject).metadata;
    history.push(
      Router.createRouteURL(kind.kind, { cluster, name, ...(kind.namespaced ? { namespace } : {}) })
    );
  };
  const onCancel = () => history.push(Router.createRouteURL(kind.plural, { cluster }));
  return (
    <KedaLazyPage title="Create from YAML" tag="keda-yaml-editor">
      {() => (
        <LazyElement
          tag="keda-yaml-editor"
          attributes={{
            mode: 'create',
            kind: kind.kind,
            // Where documents that name no namespace are created.
            namespace: query.get('namespace') || 'default',
            'draft-key': cluster || 'headlamp',
          }}
          on={{ 'keda-saved': onSaved, 'keda-cancel': onCancel }}
        />
      )}
    </KedaLazyPage>
  );
}

/**
 * `/keda/create[?kind=ScaledJob][&namespace=<ns>][&target=<name>]`: the creation wizard; to the
 * created object's details after, to the list on cancel.
 */
export function KedaCreatePage() {
  const { search } = useLocation();
  const query = new URLSearchParams(search);
  const scaledJob = query.get('kind') === 'ScaledJob';
  const cluster = K8s.useCluster() ?? '';
  const history = useHistory();
  const onCreated = (event: CustomEvent) => {
    const { kind, namespace, name } = event.detail as {
      kind: string;
      namespace: string;
      name: string;
    };
    history.push(Router.createRouteURL(kind, { cluster, namespace, name }));
  };
  const onCancel = () =>
    history.push(Router.createRouteURL(scaledJob ? 'scaledjobs' : 'scaledobjects', { cluster }));
  return (
    <KedaLazyPage title="Create" tag="keda-create-wizard">
      {() => (
        <LazyElement
          tag="keda-create-wizard"
          attributes={{
            namespace: query.get('namespace') || 'default',
            kind: scaledJob ? 'ScaledJob' : undefined,
            target: query.get('target') || undefined,
          }}
          on={{ 'keda-created': onCreated, 'keda-cancel': onCancel }}
        />
      )}
    </KedaLazyPage>
  );
}

/**
 * `/keda/relationships[?namespace=<ns>][&focus=<Kind>/<ns>/<name>]`: event sources, metrics,
 * scalers, workloads and credentials as a graph; the focused node is kept in the URL.
 */
export function KedaRelationshipsPage() {
  const { pathname, search } = useLocation();
  const query = new URLSearchParams(search);
  const history = useHistory();
  const onFocusChange = (event: CustomEvent) => {
    const next = new URLSearchParams(search);
    const focus = (event.detail as { focus?: string }).focus;
    if (focus) next.set('focus', focus);
    else next.delete('focus');
    const rest = next.toString();
    history.push(rest ? `${pathname}?${rest}` : pathname);
  };
  return (
    <KedaLazyPage title="Relationships" tag="keda-relationship-graph">
      {() => (
        <LazyElement
          tag="keda-relationship-graph"
          attributes={{
            namespace: query.get('namespace') ?? '',
            'focus-node': query.get('focus') ?? '',
          }}
          on={{ 'keda-focus-change': onFocusChange }}
        />
      )}
    </KedaLazyPage>
  );
}

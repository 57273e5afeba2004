// KEDA elements in a React 18 app. React 18 sets attributes, not properties, on custom elements and
// does not listen to their custom events, so a ref does both (React 19 does them natively).
import { useEffect, useRef, useState, type DetailedHTMLProps, type HTMLAttributes } from 'react';
import { createRoot } from 'react-dom/client';
import 'keda-elements'; // defines every keda-* element (or import 'keda-elements/elements/<tag>/define')
import type { KedaConnection, KedaOverview, ObjectRef, ScaledObjectList } from 'keda-elements';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'keda-connection': DetailedHTMLProps<HTMLAttributes<KedaConnection>, KedaConnection> & {
        'base-url'?: string;
      };
      'keda-overview': DetailedHTMLProps<HTMLAttributes<KedaOverview>, KedaOverview> & {
        range?: string;
      };
      'keda-scaled-object-list': DetailedHTMLProps<HTMLAttributes<ScaledObjectList>, ScaledObjectList>;
    }
  }
}

/** Where this app shows an object: here, a query string the app reads back. */
const links = (ref: ObjectRef) => `?selected=${encodeURIComponent(`${ref.namespace}/${ref.name}`)}`;

function Autoscaling({ cluster }: { cluster: string }) {
  const connection = useRef<KedaConnection>(null);
  const overview = useRef<KedaOverview>(null);
  const list = useRef<ScaledObjectList>(null);
  const [range, setRange] = useState('30m');
  const [filter, setFilter] = useState('');

  useEffect(() => {
    if (connection.current) connection.current.links = links;
  }, []);

  useEffect(() => {
    const element = overview.current;
    if (!element) return;
    element.listHref = (query) => `?filter=${encodeURIComponent(query.filter)}`;
    const onRange = (event: CustomEvent<{ range: string }>) => setRange(event.detail.range);
    element.addEventListener('keda-range-change', onRange);
    return () => element.removeEventListener('keda-range-change', onRange);
  }, []);

  useEffect(() => {
    const element = list.current;
    if (!element) return;
    element.filter = filter;
    const onChange = (event: Event) => setFilter((event as CustomEvent<{ filter: string }>).detail.filter);
    element.addEventListener('keda-list-change', onChange);
    return () => element.removeEventListener('keda-list-change', onChange);
  }, [filter]);

  return (
    <keda-connection ref={connection} base-url={`/clusters/${cluster}`}>
      <keda-overview ref={overview} range={range} />
      <p>Filter shared with the app: {filter || '(none)'}</p>
      <keda-scaled-object-list ref={list} />
    </keda-connection>
  );
}

function App() {
  return (
    <main style={{ maxWidth: 1200, margin: '0 auto', padding: 24, fontFamily: 'system-ui, sans-serif' }}>
      <h1>Autoscaling (React)</h1>
      <Autoscaling cluster="sim" />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);

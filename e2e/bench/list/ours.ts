// Our list: keda-scaled-object-list inside keda-connection, over a client that answers the lists
// (ScaledObjects and their HPAs) at once.
import 'keda-elements';
import type { KedaConnection, KubeClient, KubeList, KubeObject, ScaledObjectList } from 'keda-elements';
import { benchHpas, benchScaledObjects } from './data.ts';

const items = benchScaledObjects(10_000);
const hpas = benchHpas(10_000);
const client = {
  async list<T extends KubeObject>(type: { plural: string }): Promise<KubeList<T>> {
    const isHpa = type.plural === 'horizontalpodautoscalers';
    return {
      kind: isHpa ? 'HorizontalPodAutoscalerList' : 'ScaledObjectList',
      apiVersion: isHpa ? 'autoscaling/v2' : 'keda.sh/v1alpha1',
      metadata: { resourceVersion: '30000' },
      items: (isHpa ? hpas : items) as unknown as T[],
    };
  },
  watch() {
    return { stop() {} };
  },
} as unknown as KubeClient;

declare global {
  interface Window {
    benchStart(): Promise<number>;
    benchType(text: string): Promise<number>;
    benchRows(): number;
    benchRepaint(): Promise<number>;
  }
}

const firstRow = (list: ScaledObjectList) => list.shadowRoot?.querySelector('[role="row"]:not(.header)');
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

window.benchStart = async () => {
  const connection = document.createElement('keda-connection') as KedaConnection;
  const list = document.createElement('keda-scaled-object-list') as ScaledObjectList;
  connection.append(list);
  const start = performance.now();
  connection.client = client;
  document.body.append(connection);
  while (!firstRow(list)) await new Promise((r) => requestAnimationFrame(r));
  await nextPaint();
  return performance.now() - start;
};

window.benchType = async (text: string) => {
  const list = document.querySelector('keda-scaled-object-list') as ScaledObjectList;
  const input = list.shadowRoot!.querySelector('input[type="search"]') as HTMLInputElement;
  const start = performance.now();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await list.updateComplete;
  await nextPaint();
  return performance.now() - start;
};

window.benchRows = () => {
  const list = document.querySelector('keda-scaled-object-list') as ScaledObjectList;
  return Number(list.shadowRoot?.querySelector('[role="table"]')?.getAttribute('aria-rowcount') ?? 0) - 1;
};

// The browser's own share: every text of the rendered rows changes (reversed) with no script at
// all, then the same wait for the painted frame. What a keystroke that replaces every visible row
// cannot go below on this machine.
window.benchRepaint = async () => {
  const list = document.querySelector('keda-scaled-object-list') as ScaledObjectList;
  const texts: Text[] = [];
  for (const row of list.shadowRoot!.querySelectorAll('[role="row"]:not(.header)')) {
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if ((node as Text).data.trim()) texts.push(node as Text);
  }
  const start = performance.now();
  for (const text of texts) text.data = [...text.data].reverse().join('');
  await nextPaint();
  return performance.now() - start;
};

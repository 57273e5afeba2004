import { fixture, html } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { LitElement } from 'lit';
import '../src/index.js';
import type { KedaConnection } from '../src/context/keda-connection.js';
import { ListHarness } from '../src/elements/shared/list-harness.js';
import type { FakeKubeClient } from './fake-kube-client.js';

/** Mounts `<keda-connection .client>` with one list element inside and returns a harness on it. */
export async function mountList(client: FakeKubeClient, tag: string) {
  const connection = await fixture<KedaConnection>(
    staticHtml`<keda-connection .client=${client}><${unsafeStatic(tag)}></${unsafeStatic(tag)}></keda-connection>`,
  );
  const list = connection.querySelector(tag) as LitElement;
  const harness = new ListHarness(list);
  await harness.settle();
  return { connection, list, harness };
}

export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export { html };

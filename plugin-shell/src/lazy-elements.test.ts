// The lazy element loader against Headlamp's real ApiProxy, with only fetch faked: Headlamp's
// `GET /plugins` listing, each folder's package.json and files, as Headlamp's backend serves them.
import * as contexts from 'keda-elements/context/contexts';
import * as kubeClient from 'keda-elements/data/kube-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LazyElementError,
  loadLazyElement,
  pluginFolders,
  resetLazyElements,
} from './lazy-elements';
import { fnv1a, lazyBundleFile, sharedModuleId } from './lazy-manifest';
import { mockFetch, type RecordedRequest } from './test/fakes';

declare global {
  // eslint-disable-next-line no-var
  var __KEDA_LAZY_BUNDLES__: unknown;
  interface Window {
    lazyShared?: Record<string, unknown>;
  }
}

/** A response as fetch gives it: `url` is the address it came from. */
function answer(request: RecordedRequest, body: string, status = 200, statusText = 'OK') {
  const response = new Response(body, { status, statusText });
  Object.defineProperty(response, 'url', { value: request.url.href });
  return response;
}

const pkg = (name: string) =>
  JSON.stringify({
    name,
    version: '0.1.0',
    devDependencies: { '@kinvolk/headlamp-plugin': '^0.14.0' },
  });

/** Serves `files` (path → body) under Headlamp's app URL; 404 with Go's body otherwise. */
function backend(files: Record<string, string>) {
  return mockFetch(request => {
    const body = files[request.url.pathname];
    return body === undefined
      ? answer(request, '404 page not found\n', 404, 'Not Found')
      : answer(request, body);
  });
}

const defines = (tag: string) =>
  `customElements.define(${JSON.stringify(tag)}, class extends HTMLElement {});\n` +
  'window.lazyShared = kedaShared;\n';

/** As if main.js had been built with `bundles` (vite.config.mts defines the same name). */
function builtWith(bundles?: Record<string, { file: string; hash: string }>) {
  globalThis.__KEDA_LAZY_BUNDLES__ = bundles
    ? { packageName: 'keda-dashboard', bundles }
    : undefined;
}

beforeEach(() => {
  delete window.lazyShared;
  resetLazyElements();
});

afterEach(() => {
  vi.restoreAllMocks();
  globalThis.__KEDA_LAZY_BUNDLES__ = undefined;
});

describe('loadLazyElement', () => {
  it("finds this plugin's folder in Headlamp's listing by package.json and runs the file with main.js's shared modules", async () => {
    builtWith(undefined);
    const requests = backend({
      '/plugins': JSON.stringify([
        { path: 'static-plugins/other', type: 'shipped', name: 'other' },
        { path: 'user-plugins/plugin-shell', type: 'user', name: 'plugin-shell' },
      ]),
      '/static-plugins/other/package.json': pkg('other'),
      '/user-plugins/plugin-shell/package.json': pkg('keda-dashboard'),
      '/user-plugins/plugin-shell/keda-yaml-editor.js': defines('keda-yaml-editor'),
    });

    await loadLazyElement('keda-yaml-editor');

    expect(customElements.get('keda-yaml-editor')).toBeDefined();
    // The same module objects main.js uses: the context keys and KubeApiError match across files.
    expect(window.lazyShared?.[sharedModuleId('context/contexts')]).toBe(contexts);
    expect(window.lazyShared?.[sharedModuleId('data/kube-client')]).toBe(kubeClient);
    // Through Headlamp's app URL (what ApiProxy builds), never the other plugin's folder's files.
    const paths = requests.map(r => r.url.pathname);
    expect(paths[0]).toBe('/plugins');
    expect(paths).toContain('/user-plugins/plugin-shell/keda-yaml-editor.js');
    expect(paths.filter(p => p.startsWith('/static-plugins/other/'))).toEqual([
      '/static-plugins/other/package.json',
    ]);
    // Loaded once: a second route mount does not fetch again.
    const count = requests.length;
    await loadLazyElement('keda-yaml-editor');
    expect(requests.length).toBe(count);
  });

  it("tries this plugin's folders in Headlamp's order (development, user, shipped) and checks the file's checksum", async () => {
    const good = defines('keda-relationship-graph');
    const stale = `${good}// an older build\n`;
    builtWith({
      'keda-relationship-graph': { file: 'keda-relationship-graph.js', hash: fnv1a(good) },
    });
    const requests = backend({
      '/plugins': JSON.stringify([
        { path: 'static-plugins/keda', type: 'shipped', name: 'keda' },
        { path: 'user-plugins/keda', type: 'user', name: 'keda' },
        { path: 'plugins/keda', type: 'development', name: 'keda' },
      ]),
      '/static-plugins/keda/package.json': pkg('keda-dashboard'),
      '/user-plugins/keda/package.json': pkg('keda-dashboard'),
      '/plugins/keda/package.json': pkg('keda-dashboard'),
      '/plugins/keda/keda-relationship-graph.js': stale,
      '/user-plugins/keda/keda-relationship-graph.js': good,
    });

    await loadLazyElement('keda-relationship-graph');

    expect(customElements.get('keda-relationship-graph')).toBeDefined();
    const files = requests.filter(r => r.url.pathname.endsWith('.js'));
    expect(files.map(r => r.url.pathname)).toEqual([
      '/plugins/keda/keda-relationship-graph.js',
      '/user-plugins/keda/keda-relationship-graph.js',
    ]);
    // The checksum in the query keeps a browser's cached copy of another version out.
    expect(files[1].url.search).toBe(`?v=${fnv1a(good)}`);
  });

  it('says which URL failed and why, and fetches again on the next try', async () => {
    builtWith(undefined);
    const files: Record<string, string> = {
      '/plugins': JSON.stringify([{ path: 'plugins/keda-dashboard', type: 'development' }]),
      '/plugins/keda-dashboard/package.json': pkg('keda-dashboard'),
    };
    backend(files);

    const error = await loadLazyElement('keda-create-wizard').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LazyElementError);
    const { url, message } = error as LazyElementError;
    expect(url).toMatch(/^https?:\/\/[^/]+\/plugins\/keda-dashboard\/keda-create-wizard\.js$/);
    expect(message).toContain(`${url}: HTTP 404 Not Found - 404 page not found`);

    files['/plugins/keda-dashboard/keda-create-wizard.js'] = 'throw new Error("boom");';
    await expect(loadLazyElement('keda-create-wizard')).rejects.toThrow(
      `${url} failed to run: boom`
    );

    files['/plugins/keda-dashboard/keda-create-wizard.js'] = '/* defines nothing */';
    await expect(loadLazyElement('keda-create-wizard')).rejects.toThrow(
      `${url} ran but did not define <keda-create-wizard>`
    );

    files['/plugins/keda-dashboard/keda-create-wizard.js'] = defines('keda-create-wizard');
    await loadLazyElement('keda-create-wizard');
    expect(customElements.get('keda-create-wizard')).toBeDefined();
  });

  it("reports a listing without this plugin's package.json, and an unreadable listing", async () => {
    builtWith(undefined);
    backend({
      '/plugins': JSON.stringify([{ path: 'plugins/other', type: 'development' }]),
      '/plugins/other/package.json': pkg('other'),
    });
    const missing = await pluginFolders().catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(LazyElementError);
    expect((missing as Error).message).toMatch(
      /^Headlamp's plugin list \(https?:\/\/[^/]+\/plugins\) has no folder whose package.json is keda-dashboard's$/
    );

    vi.restoreAllMocks();
    resetLazyElements();
    backend({});
    await expect(pluginFolders()).rejects.toThrow(/could not be read: HTTP 404 Not Found/);
  });

  it('refuses a tag that is not loaded lazily', async () => {
    builtWith(undefined);
    await expect(loadLazyElement('keda-connection' as never)).rejects.toThrow(
      '<keda-connection> is not a lazily loaded element'
    );
  });
});

describe('the manifest', () => {
  it('names each file after its element and hashes text as 8 hex digits', () => {
    expect(lazyBundleFile('keda-yaml-editor')).toBe('keda-yaml-editor.js');
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('ab')).not.toBe(fnv1a('ba'));
  });
});

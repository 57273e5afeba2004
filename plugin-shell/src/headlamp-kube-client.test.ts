// The real Headlamp ApiProxy with fetch and WebSocket replaced at the network boundary.
import { ScaledObjectResource } from 'keda-elements/core/kube/resource';
import type { KubeObject, WatchEvent } from 'keda-elements/core/kube/types';
import { KubeApiError, type WatchEnd } from 'keda-elements/data/kube-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeadlampKubeClient, toKubeApiError } from './headlamp-kube-client';
import { FakeWebSocket, jsonResponse, mockFetch, statusResponse } from './test/fakes';

const SO_PATH = '/clusters/kind/apis/keda.sh/v1alpha1';
const so = (name: string, resourceVersion = '1'): KubeObject => ({
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: { name, namespace: 'default', resourceVersion },
});

async function rejection(promise: Promise<unknown>): Promise<KubeApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(KubeApiError);
    return error as KubeApiError;
  }
  throw new Error('expected the promise to reject');
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.history.replaceState({}, '', '/');
});

describe('HeadlampKubeClient requests', () => {
  const client = new HeadlampKubeClient({ cluster: 'kind' });

  it('lists through /clusters/<cluster>/ with the query and JSON Accept', async () => {
    const requests = mockFetch(() =>
      jsonResponse({
        kind: 'ScaledObjectList',
        metadata: { resourceVersion: '7' },
        items: [so('a')],
      })
    );
    const list = await client.list(
      ScaledObjectResource,
      { namespace: 'default' },
      { labelSelector: 'app=web', limit: 5 }
    );
    expect(list.items.map(item => item.metadata.name)).toEqual(['a']);
    expect(list.metadata.resourceVersion).toBe('7');
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request.method).toBe('GET');
    expect(request.url.pathname).toBe(`${SO_PATH}/namespaces/default/scaledobjects`);
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      labelSelector: 'app=web',
      limit: '5',
    });
    expect(request.headers.accept).toBe('application/json');
    expect(request.body).toBeUndefined();
  });

  it('lists across all namespaces without a namespace segment or query', async () => {
    const requests = mockFetch(() => jsonResponse({ metadata: {}, items: [] }));
    await client.list(ScaledObjectResource);
    expect(requests[0].url.pathname + requests[0].url.search).toBe(`${SO_PATH}/scaledobjects`);
  });

  it('gets one object by namespace and name', async () => {
    const requests = mockFetch(() => jsonResponse(so('web')));
    const object = await client.get(ScaledObjectResource, { namespace: 'default', name: 'web' });
    expect(object.metadata.name).toBe('web');
    expect(requests[0].method).toBe('GET');
    expect(requests[0].url.pathname).toBe(`${SO_PATH}/namespaces/default/scaledobjects/web`);
  });

  it('creates with POST to the collection, JSON body, dryRun and fieldManager', async () => {
    const requests = mockFetch(request => jsonResponse(JSON.parse(request.body ?? '{}'), 201));
    const created = await client.create(ScaledObjectResource, { namespace: 'default' }, so('new'), {
      dryRun: true,
      fieldManager: 'keda-dashboard',
    });
    expect(created.metadata.name).toBe('new');
    const [request] = requests;
    expect(request.method).toBe('POST');
    expect(request.url.pathname).toBe(`${SO_PATH}/namespaces/default/scaledobjects`);
    expect(Object.fromEntries(request.url.searchParams)).toEqual({
      dryRun: 'All',
      fieldManager: 'keda-dashboard',
    });
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body ?? '')).toEqual(so('new'));
  });

  it('replaces with PUT to the object', async () => {
    const requests = mockFetch(request => jsonResponse(JSON.parse(request.body ?? '{}')));
    await client.replace(
      ScaledObjectResource,
      { namespace: 'default', name: 'web' },
      so('web', '5')
    );
    expect(requests[0].method).toBe('PUT');
    expect(requests[0].url.pathname).toBe(`${SO_PATH}/namespaces/default/scaledobjects/web`);
    expect(requests[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(requests[0].body ?? '').metadata.resourceVersion).toBe('5');
  });

  it.each([
    ['merge', 'application/merge-patch+json', { metadata: { annotations: { a: 'b' } } }],
    [
      'json',
      'application/json-patch+json',
      [{ op: 'replace', path: '/spec/minReplicaCount', value: 2 }],
    ],
  ] as const)('patches (%s) with Content-Type %s', async (patchType, contentType, patch) => {
    const requests = mockFetch(() => jsonResponse(so('web')));
    await client.patch(
      ScaledObjectResource,
      { namespace: 'default', name: 'web', subresource: 'status' },
      patch,
      patchType
    );
    expect(requests[0].method).toBe('PATCH');
    expect(requests[0].url.pathname).toBe(`${SO_PATH}/namespaces/default/scaledobjects/web/status`);
    expect(requests[0].headers['content-type']).toBe(contentType);
    expect(JSON.parse(requests[0].body ?? '')).toEqual(patch);
  });

  it('defaults patches to a merge patch', async () => {
    const requests = mockFetch(() => jsonResponse(so('web')));
    await client.patch(ScaledObjectResource, { namespace: 'default', name: 'web' }, { spec: {} });
    expect(requests[0].headers['content-type']).toBe('application/merge-patch+json');
  });

  it('deletes with DELETE and returns the Status', async () => {
    const requests = mockFetch(() =>
      jsonResponse({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' })
    );
    const result = await client.delete(ScaledObjectResource, { namespace: 'default', name: 'web' });
    expect(result).toMatchObject({ kind: 'Status', status: 'Success' });
    expect(requests[0].method).toBe('DELETE');
    expect(requests[0].url.pathname).toBe(`${SO_PATH}/namespaces/default/scaledobjects/web`);
  });

  it("uses the cluster of Headlamp's URL when none is given", async () => {
    window.history.replaceState({}, '', '/c/from-url/keda/scaledobjects');
    const requests = mockFetch(() => jsonResponse({ metadata: {}, items: [] }));
    await new HeadlampKubeClient().list(ScaledObjectResource, { namespace: 'ns' });
    expect(requests[0].url.pathname).toBe(
      '/clusters/from-url/apis/keda.sh/v1alpha1/namespaces/ns/scaledobjects'
    );
  });
});

describe('HeadlampKubeClient errors', () => {
  // Headlamp logs every response body it cannot parse; the assertions below are what matters.
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  const client = new HeadlampKubeClient({ cluster: 'kind' });
  const get = () => client.get(ScaledObjectResource, { namespace: 'default', name: 'web' });

  it.each([
    [404, 'Not Found', 'NotFound', 'scaledobjects.keda.sh "web" not found'],
    [
      403,
      'Forbidden',
      'Forbidden',
      'scaledobjects.keda.sh "web" is forbidden: User "dev" cannot get resource "scaledobjects" in API group "keda.sh" in the namespace "default"',
    ],
    [410, 'Gone', 'Expired', 'too old resource version: 100 (2000)'],
    [
      422,
      'Unprocessable Entity',
      'Invalid',
      'ScaledObject.keda.sh "web" is invalid: spec.maxReplicaCount: Invalid value: -1',
    ],
    [409, 'Conflict', 'AlreadyExists', 'scaledobjects.keda.sh "web" already exists'],
    [
      409,
      'Conflict',
      'Conflict',
      'Operation cannot be fulfilled on scaledobjects.keda.sh "web": the object has been modified',
    ],
  ])('keeps a %i Status message verbatim (%s)', async (code, statusText, reason, message) => {
    mockFetch(() => statusResponse(code, statusText, reason, message));
    const error = await rejection(get());
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.reason).toBe(reason);
    expect(error.status).toMatchObject({ kind: 'Status', apiVersion: 'v1', code, reason, message });
  });

  it('uses the status text when the body is not a Status', async () => {
    mockFetch(
      () =>
        new Response('<html>upstream down</html>', {
          status: 503,
          statusText: 'Service Unavailable',
        })
    );
    const error = await rejection(get());
    expect(error.code).toBe(503);
    expect(error.message).toBe('Service Unavailable');
    expect(error.reason).toBe('ServiceUnavailable');
  });

  it('keeps a message containing " - " whole', async () => {
    mockFetch(() =>
      statusResponse(400, 'Bad Request', 'BadRequest', 'bad selector - expected key')
    );
    const error = await rejection(get());
    expect(error.message).toBe('bad selector - expected key');
  });

  it('reports a failed fetch as a network error (code 0)', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await rejection(get());
    expect(error.code).toBe(0);
    expect(error.reason).toBe('NetworkError');
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/could not be reached/);
  });

  it('maps errors that are not from ApiProxy', () => {
    expect(toKubeApiError(new Error('boom'))).toMatchObject({ code: 0, message: 'boom' });
    const original = new KubeApiError(418, 'teapot');
    expect(toKubeApiError(original)).toBe(original);
  });
});

describe('HeadlampKubeClient watch', () => {
  beforeEach(() => {
    FakeWebSocket.install();
    // Headlamp warns "Socket closed unexpectedly" on every server-side close.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  function startWatch(client = new HeadlampKubeClient({ cluster: 'kind' })) {
    const events: WatchEvent[] = [];
    const ends: WatchEnd[] = [];
    const onOpen = vi.fn();
    const handle = client.watch(
      ScaledObjectResource,
      { namespace: 'default' },
      { resourceVersion: '100', allowWatchBookmarks: true, labelSelector: 'tier=web' },
      { onOpen, onEvent: event => events.push(event), onEnd: end => ends.push(end) }
    );
    return { handle, events, ends, onOpen };
  }

  async function socket(): Promise<FakeWebSocket> {
    await vi.waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
    return FakeWebSocket.instances[0];
  }

  it('opens a WebSocket on /clusters/<cluster>/... with the watch query', async () => {
    const watch = startWatch();
    const ws = await socket();
    expect(ws.url.protocol).toBe('ws:');
    expect(ws.url.pathname).toBe(`${SO_PATH}/namespaces/default/scaledobjects`);
    expect(Object.fromEntries(ws.url.searchParams)).toEqual({
      watch: 'true',
      resourceVersion: '100',
      labelSelector: 'tier=web',
      allowWatchBookmarks: 'true',
    });
    watch.handle.stop();
  });

  it('reports open, events, and one clean end when the server closes', async () => {
    const watch = startWatch();
    const ws = await socket();
    expect(watch.onOpen).not.toHaveBeenCalled();
    ws.accept();
    await vi.waitFor(() => expect(watch.onOpen).toHaveBeenCalledTimes(1));

    ws.send({ type: 'ADDED', object: so('a', '101') });
    ws.send({ type: 'MODIFIED', object: so('a', '102') });
    ws.send({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '103' } } });
    ws.send({ type: 'DELETED', object: so('a', '104') });
    const expired = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      code: 410,
      reason: 'Expired',
    };
    ws.send({ type: 'ERROR', object: expired });
    expect(watch.events.map(event => event.type)).toEqual([
      'ADDED',
      'MODIFIED',
      'BOOKMARK',
      'DELETED',
      'ERROR',
    ]);
    expect(watch.events[1].object.metadata.resourceVersion).toBe('102');
    expect(watch.events[4].object).toEqual(expired);

    ws.serverClose(1000);
    expect(watch.ends).toEqual([{ reason: 'closed' }]);
    watch.handle.stop();
    ws.send({ type: 'ADDED', object: so('late') });
    expect(watch.ends).toHaveLength(1);
    expect(watch.events).toHaveLength(5);
    expect(watch.onOpen).toHaveBeenCalledTimes(1);
  });

  it('ends with an error when the socket closes before it opened', async () => {
    const watch = startWatch();
    const ws = await socket();
    ws.serverClose(1006);
    expect(watch.onOpen).not.toHaveBeenCalled();
    expect(watch.ends).toHaveLength(1);
    expect(watch.ends[0].reason).toBe('error');
    expect(watch.ends[0].error).toBeInstanceOf(KubeApiError);
    expect(watch.ends[0].error?.code).toBe(0);
    // Headlamp must not reconnect behind our back (reconnectOnFailure: false).
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('stop() closes the socket and ends once with "aborted"', async () => {
    const watch = startWatch();
    const ws = await socket();
    ws.accept();
    watch.handle.stop();
    watch.handle.stop();
    expect(ws.closedByClient).toBe(true);
    expect(watch.ends).toEqual([{ reason: 'aborted' }]);
    ws.send({ type: 'ADDED', object: so('late') });
    expect(watch.events).toHaveLength(0);
  });

  it('closes the socket of a watch stopped before Headlamp finished creating it', async () => {
    const watch = startWatch();
    watch.handle.stop();
    expect(watch.ends).toEqual([{ reason: 'aborted' }]);
    const ws = await socket();
    await vi.waitFor(() => expect(ws.closedByClient).toBe(true));
    expect(watch.onOpen).not.toHaveBeenCalled();
    expect(watch.ends).toHaveLength(1);
  });

  it('ends with an error when no cluster is selected', async () => {
    const watch = startWatch(new HeadlampKubeClient());
    await vi.waitFor(() => expect(watch.ends).toHaveLength(1));
    expect(watch.ends[0].reason).toBe('error');
    expect(watch.ends[0].error?.message).toMatch(/No cluster/);
    expect(FakeWebSocket.instances).toHaveLength(0);
  });
});

// The KEDA Map View source against Headlamp's REAL registry and Redux store: registered by
// ./index, its hooks run over a fixture cluster served through faked fetch/WebSocket.
import './index';
import * as lib from '@kinvolk/headlamp-plugin/lib';
import store from '@kinvolk/headlamp-plugin/lib/redux/stores/store';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { buildRelationshipGraph } from 'keda-elements/core/graph/build';
import * as fx from 'keda-elements/core/graph/fixture-cluster';
import React from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { mapNodeId } from './map-source-model';
import { FakeWebSocket, jsonResponse, mockFetch, statusResponse } from './test/fakes';
import { CLUSTER, restoreGlobals } from './test/harness';

/** What these tests read of a Map View node. */
interface MapNode {
  id: string;
  status?: string;
  kubeObject?: { kind?: string; metadata?: { name?: string } };
  data?: Record<string, unknown>;
}

afterEach(() => {
  cleanup();
  restoreGlobals();
});

const lists: Record<string, unknown[]> = {
  '/apis/keda.sh/v1alpha1/scaledobjects': fx.scaledObjects,
  '/apis/keda.sh/v1alpha1/scaledjobs': fx.scaledJobs,
  '/apis/keda.sh/v1alpha1/triggerauthentications': fx.triggerAuthentications,
  '/apis/keda.sh/v1alpha1/clustertriggerauthentications': fx.clusterTriggerAuthentications,
  '/apis/autoscaling/v2/horizontalpodautoscalers': fx.hpas,
  '/apis/apps/v1/deployments': fx.deployments,
  '/apis/apps/v1/statefulsets': fx.statefulSets,
  '/apis/apps/v1/replicasets': fx.replicaSets,
  '/api/v1/pods': fx.pods,
  '/apis/batch/v1/jobs': fx.jobs,
};

function serveFixtureCluster() {
  FakeWebSocket.install();
  FakeWebSocket.autoAccept = true;
  return mockFetch(request => {
    const path = request.url.pathname.replace(`/clusters/${CLUSTER}`, '');
    const items = lists[path];
    if (items)
      return jsonResponse({
        kind: 'List',
        apiVersion: 'v1',
        metadata: { resourceVersion: '10' },
        items,
      });
    return statusResponse(404, 'Not Found', 'NotFound', `the server could not find ${path}`);
  });
}

interface Source {
  id: string;
  label: string;
  sources?: Source[];
  useData?: () => { nodes?: Array<Record<string, any>>; edges?: Array<Record<string, any>> } | null;
}

function kedaSource(): Source {
  const sources = store.getState().graphView.graphSources as Source[];
  const keda = sources.find(s => s.id === 'keda');
  if (!keda) throw new Error('no KEDA map source registered');
  return keda;
}

function wrapper({ children }: { children: React.ReactNode }) {
  return (
    <Provider store={store}>
      <MemoryRouter initialEntries={[`/c/${CLUSTER}/map`]}>{children}</MemoryRouter>
    </Provider>
  );
}

describe('KEDA map source', () => {
  it('is one KEDA group with a source per kind plus event sources and metrics, and kind icons', () => {
    const keda = kedaSource();
    expect(keda.label).toBe('KEDA');
    expect(keda.sources?.map(s => s.id)).toEqual([
      'keda-scaledobjects',
      'keda-scaledjobs',
      'keda-triggerauthentications',
      'keda-clustertriggerauthentications',
      'keda-event-sources',
      'keda-metrics',
    ]);
    const icons = store.getState().graphView.kindIcons as Record<string, unknown>;
    for (const key of [
      'keda.sh/ScaledObject',
      'keda.sh/ScaledJob',
      'keda.sh/TriggerAuthentication',
      'Metric',
    ]) {
      expect(icons[key], key).toBeDefined();
    }
    const glances = store.getState().graphView.glances as Record<string, unknown>;
    expect(glances['keda-glance']).toBeDefined();
  });

  it('feature-detects registerResourceRelationProvider (absent on 0.14) and relies on explicit edges', () => {
    expect('registerResourceRelationProvider' in lib).toBe(false);
  });

  it('returns every node and every edge of the fixture cluster, with uids where objects are real', async () => {
    window.history.replaceState({}, '', `/c/${CLUSTER}/map`);
    serveFixtureCluster();
    const children = kedaSource().sources!;
    const { result } = renderHook(() => children.map(s => ({ id: s.id, data: s.useData!() })), {
      wrapper,
    });
    const model = buildRelationshipGraph(fx.fixtureInput);
    await waitFor(
      () => {
        const total = result.current.reduce((n, s) => n + (s.data?.nodes?.length ?? 0), 0);
        expect(total).toBe(model.nodes.length);
      },
      { timeout: 10_000 }
    );
    const nodes = result.current.flatMap(s =>
      ((s.data?.nodes ?? []) as MapNode[]).map(n => ({ ...n, sourceId: s.id }))
    );
    const edges = result.current.flatMap(s => s.data?.edges ?? []);
    const byId = new Map(nodes.map(n => [n.id, n]));
    const idOf = (modelId: string) => mapNodeId(model.nodes.find(n => n.id === modelId)!);

    // Every relation of the graph model, by Map View id.
    const edgeIds = new Set(edges.map(e => `${e.source}->${e.target}`));
    for (const expected of fx.expectedEdges) {
      const [from, to] = expected.split('->') as [string, string];
      expect(edgeIds.has(`${idOf(from)}->${idOf(to)}`), expected).toBe(true);
    }
    // Explicit ScaledObject → workload and TriggerAuthentication → Secret edges.
    expect(
      edgeIds.has(
        'uid-ScaledObject-orders-orders-processor->uid-Deployment-orders-orders-processor'
      )
    ).toBe(true);
    expect(
      edgeIds.has('uid-ScaledObject-shop-storefront-api->uid-StatefulSet-shop-storefront')
    ).toBe(true);
    expect(
      edgeIds.has(
        'uid-TriggerAuthentication-orders-orders-rabbitmq->keda:Secret/orders/orders-rabbitmq'
      )
    ).toBe(true);
    for (const e of edges) {
      expect(byId.has(e.source), `edge source ${e.id}`).toBe(true);
      expect(byId.has(e.target), `edge target ${e.id}`).toBe(true);
    }

    // Nodes land in their kind's source; real objects keep their uid and Headlamp's own class.
    expect(byId.get('uid-ScaledObject-orders-orders-processor')).toMatchObject({
      sourceId: 'keda-scaledobjects',
      label: 'orders-processor',
      status: 'success',
      weight: 2000,
    });
    expect(byId.get('uid-ScaledObject-shop-storefront-api')?.status).toBe('error');
    expect(byId.get('uid-ScaledJob-orders-order-exporter')?.sourceId).toBe('keda-scaledjobs');
    expect(byId.get('uid-ClusterTriggerAuthentication-cluster-prometheus-bearer')?.sourceId).toBe(
      'keda-clustertriggerauthentications'
    );
    expect(byId.get('keda:source/rabbitmq/rabbitmq.orders:5672/queueName=orders')).toMatchObject({
      sourceId: 'keda-event-sources',
      label: 'queue orders',
    });
    expect(
      byId.get('keda:metric/ScaledObject/orders/orders-processor/s0-rabbitmq-orders')
    ).toMatchObject({
      sourceId: 'keda-metrics',
      subtitle: '18 / 20',
    });
    const deployment = byId.get('uid-Deployment-orders-orders-processor');
    expect(deployment?.kubeObject?.kind).toBe('Deployment');
    expect(deployment?.kubeObject?.metadata?.name).toBe('orders-processor');
    expect(
      byId.get('uid-HorizontalPodAutoscaler-orders-keda-hpa-orders-processor')?.kubeObject
    ).toBeDefined();

    // No credential from trigger metadata reaches the map.
    const text = JSON.stringify(nodes.map(n => n.data));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('k4fka-s3cret');
  });
});

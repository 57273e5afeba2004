// The demo's orders story end to end: the real MetricsSampler samples the simulated cluster over
// HTTP (watches, and the external metrics API only while the HPA has no value) on its virtual
// clock, and the scaling episodes built from those samples and the cluster's events explain every
// change: activation 0 -> 1, 1 -> 4 (the HPA's own scale-up limit), 4 -> 5 (maxReplicaCount),
// deactivation 5 -> 0 after the cooldown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SimCluster } from '../../../../demo-site/server/sim/index.ts';
import type { HorizontalPodAutoscaler } from '../kube/autoscaling.js';
import { mergeEvents, type CoreV1Event } from '../kube/events.js';
import {
  CoreEventResource,
  DeploymentResource,
  HorizontalPodAutoscalerResource,
  ScaledObjectResource,
} from '../kube/resource.js';
import type { KubeObject } from '../kube/types.js';
import type { ScaledObject } from '../keda/types.js';
import { HttpKubeClient } from '../../data/http-kube-client.js';
import { KedaStore } from '../../data/keda-store.js';
import { MetricsSampler, type SamplerScheduler } from '../../data/metrics-sampler.js';
import { scalingEpisodes } from './index.js';

const NS = 'orders';
const ref = { namespace: NS, name: 'orders-processor' };

describe('the orders story, sampled and explained', () => {
  let sim: SimCluster;
  let store: KedaStore;
  let sampler: MetricsSampler;
  const externalRequests: number[] = [];
  let timers: Array<{ at: number; callback: () => void; cancelled: boolean }> = [];

  before(async () => {
    sim = await SimCluster.create({ seed: 7, steppedClock: true });
    const { url } = await sim.listen({ port: 0, host: '127.0.0.1', insecureHttp: true });
    const counting: typeof fetch = (input, init) => {
      if (String(input).includes('/apis/external.metrics.k8s.io/')) externalRequests.push(sim.clock.nowMs());
      return fetch(input, init);
    };
    const client = new HttpKubeClient(url, {
      fetch: counting,
      watchTransport: 'chunked',
      headers: { Authorization: `Bearer ${sim.adminToken}` },
    });
    store = new KedaStore(client);
    const scheduler: SamplerScheduler = {
      now: () => sim.clock.nowMs(),
      setTimeout: (callback, ms) => {
        const timer = { at: sim.clock.nowMs() + ms, callback, cancelled: false };
        timers.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
    };
    sampler = new MetricsSampler(store, { scheduler });
    sampler.retain(ref);
  });

  after(async () => {
    sampler.dispose();
    store.dispose();
    await sim.close();
  });

  /** Steps the virtual clock, fires the sampler's due timers, lets watch events arrive. */
  async function step(ms: number): Promise<void> {
    await sim.clock.step(ms);
    const now = sim.clock.nowMs();
    const due = timers.filter((t) => !t.cancelled && t.at <= now);
    timers = timers.filter((t) => !due.includes(t));
    for (const t of due) t.callback();
    await new Promise((r) => setTimeout(r, 25));
  }

  const deployment = (): Promise<KubeObject & { spec?: { replicas?: number } }> =>
    sim.client.get(DeploymentResource, { namespace: NS, name: 'orders-processor' });

  async function until(what: string, maxSeconds: number, check: () => Promise<boolean>): Promise<void> {
    for (let waited = 0; waited <= maxSeconds; waited += 5) {
      if (await check()) return;
      await step(5_000);
    }
    assert.fail(`${what}: not reached within ${maxSeconds} virtual seconds`);
  }

  test('every replica change of a burst has its cause', async () => {
    await until('the previous burst is over', 900, async () => (await deployment()).spec?.replicas === 0);
    const from = sim.clock.nowMs();
    await until('activation', 2400, async () => (await deployment()).spec?.replicas === 1);
    await until('5 replicas', 120, async () => (await deployment()).spec?.replicas === 5);
    const atFive = externalRequests.length;
    await until('back to 0', 900, async () => (await deployment()).spec?.replicas === 0);
    await step(5_000);

    // The request policy, live: no external-metrics request while the HPA reported the metric.
    const duringScaleOut = externalRequests.slice(atFive).filter((t) => t < sim.clock.nowMs() - 10_000);
    assert.equal(duringScaleOut.length, 0, 'no external metrics request while the HPA has values');
    const gaps = externalRequests
      .filter((t) => t >= from)
      .map((t, i, all) => (i ? t - all[i - 1]! : Infinity))
      .slice(1);
    assert.ok(
      gaps.every((g) => g >= 15_000),
      `at most once per 15 s: ${gaps.join(', ')}`,
    );

    const so = await sim.client.get<ScaledObject>(ScaledObjectResource, ref);
    const hpa = await sim.client.get<HorizontalPodAutoscaler>(HorizontalPodAutoscalerResource, {
      namespace: NS,
      name: 'keda-hpa-orders-processor',
    });
    const events = mergeEvents(
      (await sim.client.list<CoreV1Event & KubeObject>(CoreEventResource, { namespace: NS })).items,
    );
    const series = sampler.series(ref);
    const episodes = scalingEpisodes({
      scaledObject: so,
      hpa,
      events,
      metrics: series.metrics,
      replicas: series.replicas,
    }).filter((e) => e.time > from);

    const sentences = episodes.map((e) => e.sentence);
    assert.equal(sentences.length, 4, sentences.join('\n'));
    assert.equal(sentences[0], 'Activated 0 -> 1: s0-rabbitmq-orders 267 above activation threshold 0');
    assert.equal(
      sentences[1],
      'Scaled out 1 -> 4: s0-rabbitmq-orders 267 against target 50 per pod wants 6, limited to 4 by the scale-up rate (no behavior set: at most max(2 × 1, 4))',
    );
    assert.match(
      sentences[2]!,
      /^Scaled out 4 -> 5: s0-rabbitmq-orders 2\d\d against target 50 per pod wants 6, capped by maxReplicaCount 5$/,
    );
    assert.equal(
      sentences[3],
      'Deactivated 5 -> 0: no trigger active for the cooldown period (120 s): s0-rabbitmq-orders 0 not above activation threshold 0',
    );
    assert.deepEqual(
      episodes.map((e) => e.events.map((x) => x.reason)),
      [
        ['KEDAScaleTargetActivated', 'ScalingReplicaSet'],
        ['SuccessfulRescale', 'ScalingReplicaSet'],
        ['SuccessfulRescale', 'ScalingReplicaSet'],
        ['KEDAScaleTargetDeactivated', 'ScalingReplicaSet'],
      ],
    );
  });
});

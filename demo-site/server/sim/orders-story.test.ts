/**
 * Acceptance: the demo scenario's `orders` story, replayed on a stepped virtual clock and checked
 * through the real kubectl where it matters. A burst of 267 orders reaches the queue → KEDA
 * activates orders-processor (0 → 1, KEDAScaleTargetActivated) → the HPA sees 267 against a target
 * of 50 with one replica (`267/50 (avg)`) and scales 1 → 4 → 5 (ScalingLimited TooManyReplicas)
 * → the consumers drain the queue → ScalerCooldown → KEDAScaleTargetDeactivated back to 0.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DeploymentResource,
  HorizontalPodAutoscalerResource,
  ScaledObjectResource,
} from '../../../components/src/core/kube/resource.ts';
import type { KubeObject } from '../../../components/src/core/kube/types.ts';
import { kubectlFor, kubectlMissing, type Kubectl } from './test-kubectl.ts';
import { startCluster, type Running } from './test-helpers.ts';

type Obj = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };
interface Cond {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

const NS = 'orders';
const SELECTOR_TEXT =
  '&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: orders-processor,},MatchExpressions:[]LabelSelectorRequirement{},}';

describe('the orders story (demo scenario, stepped clock, kubectl)', { skip: kubectlMissing }, () => {
  let sim: Running;
  let kubectl: Kubectl;

  before(async () => {
    sim = await startCluster({ seed: 7, steppedClock: true });
    kubectl = kubectlFor(sim, 'keda-sim-orders-');
  });
  after(async () => {
    kubectl.dispose();
    await sim.cluster.close();
  });

  async function ok(args: string[]): Promise<string> {
    const r = await kubectl.run(args);
    assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed:\n${r.stderr}`);
    return r.stdout;
  }

  const client = (): Running['cluster']['client'] => sim.cluster.client;
  const so = async (): Promise<Obj> =>
    client().get<Obj>(ScaledObjectResource, { namespace: NS, name: 'orders-processor' });
  const hpa = async (): Promise<Obj> =>
    client().get<Obj>(HorizontalPodAutoscalerResource, { namespace: NS, name: 'keda-hpa-orders-processor' });
  const replicas = async (): Promise<number> =>
    Number(
      (await client().get<Obj>(DeploymentResource, { namespace: NS, name: 'orders-processor' })).spec
        ?.replicas,
    );
  const condition = (o: Obj, type: string): Cond | undefined =>
    ((o.status?.conditions ?? []) as Cond[]).find((c) => c.type === type);

  /** Steps the clock 5 s at a time until `check` holds (at most `maxSeconds` virtual). */
  async function until(what: string, maxSeconds: number, check: () => Promise<boolean>): Promise<void> {
    for (let waited = 0; waited <= maxSeconds; waited += 5) {
      if (await check()) return;
      await sim.cluster.clock.step(5_000);
    }
    assert.fail(`${what}: not reached within ${maxSeconds} virtual seconds`);
  }

  test('267 orders: activation, 267/50 at one replica, 5 replicas TooManyReplicas, cooldown, back to 0', async () => {
    // The scenario starts in the middle of a burst; let it end first.
    await until('the previous burst is over', 900, async () => (await replicas()) === 0);
    assert.equal(condition(await so(), 'Active')?.status, 'False');

    await until('the next burst activates the ScaledObject', 2400, async () => {
      const active = condition(await so(), 'Active');
      return active?.status === 'True' && active.reason === 'ScalerActive';
    });
    assert.deepEqual(condition(await so(), 'Active'), {
      type: 'Active',
      status: 'True',
      reason: 'ScalerActive',
      message: 'Scaling is performed because triggers are active',
    });
    assert.equal(await replicas(), 1);

    await until('the HPA sees 267 with one replica', 60, async () => {
      const h = await hpa();
      const current = (
        h.status?.currentMetrics as { external?: { current?: { averageValue?: string } } }[] | undefined
      )?.[0];
      return h.status?.currentReplicas === 1 && current?.external?.current?.averageValue === '267';
    });
    const atOne = await ok(['get', 'hpa', '-n', NS, 'keda-hpa-orders-processor']);
    assert.match(
      atOne,
      /^keda-hpa-orders-processor\s+Deployment\/orders-processor\s+267\/50 \(avg\)\s+1\s+5\s+1\s+\S+\s*$/m,
      atOne,
    );
    const raw = JSON.parse(
      await ok([
        'get',
        '--raw',
        `/apis/external.metrics.k8s.io/v1beta1/namespaces/${NS}/s0-rabbitmq-orders?labelSelector=${encodeURIComponent('scaledobject.keda.sh/name=orders-processor')}`,
      ]),
    ) as { kind: string; items: { metricName: string; value: string; metricLabels: unknown }[] };
    assert.equal(raw.kind, 'ExternalMetricValueList');
    assert.deepEqual(
      raw.items.map((i) => [i.metricName, i.value, i.metricLabels]),
      [['s0-rabbitmq-orders', '267', null]],
    );

    await until('5 replicas, limited by maxReplicas', 120, async () => {
      const h = await hpa();
      const limited = condition(h, 'ScalingLimited');
      return (
        h.status?.currentReplicas === 5 && limited?.status === 'True' && limited.reason === 'TooManyReplicas'
      );
    });
    assert.equal(
      condition(await hpa(), 'ScalingLimited')?.message,
      'the desired replica count is more than the maximum replica count',
    );
    const atFive = await ok(['get', 'hpa', '-n', NS, 'keda-hpa-orders-processor']);
    assert.match(
      atFive,
      /^keda-hpa-orders-processor\s+Deployment\/orders-processor\s+\S+\/50 \(avg\)\s+1\s+5\s+5\s+\S+\s*$/m,
      atFive,
    );

    const activated = await ok([
      'get',
      'events',
      '-n',
      NS,
      '--field-selector',
      'involvedObject.kind=ScaledObject,involvedObject.name=orders-processor,reason=KEDAScaleTargetActivated',
      '-o',
      'jsonpath={range .items[*]}{.message}{"|"}{.reportingComponent}{"\\n"}{end}',
    ]);
    assert.match(
      activated,
      /^Scaled apps\/v1\.Deployment orders\/orders-processor from 0 to 1, triggered by s0-rabbitmq-orders\|keda-operator$/m,
    );
    const rescales = await ok([
      'get',
      'events',
      '-n',
      NS,
      '--field-selector',
      'involvedObject.name=keda-hpa-orders-processor,reason=SuccessfulRescale',
      '-o',
      'jsonpath={range .items[*]}{.message}{"|"}{.source.component}{"\\n"}{end}',
    ]);
    const above = `external metric s0-rabbitmq-orders(${SELECTOR_TEXT}) above target`;
    assert.ok(rescales.includes(`New size: 4; reason: ${above}|horizontal-pod-autoscaler`), rescales);
    assert.ok(rescales.includes(`New size: 5; reason: ${above}|horizontal-pod-autoscaler`), rescales);

    await until('the consumers drain the queue: cooldown', 600, async () => {
      const active = condition(await so(), 'Active');
      return active?.status === 'False' && active.reason === 'ScalerCooldown';
    });
    assert.equal(
      condition(await so(), 'Active')?.message,
      'Scaler cooling down because triggers are not active',
    );
    assert.equal(await replicas(), 5);

    await until('deactivated after the cooldown', 300, async () => (await replicas()) === 0);
    const deactivated = await ok([
      'get',
      'events',
      '-n',
      NS,
      '--field-selector',
      'involvedObject.kind=ScaledObject,involvedObject.name=orders-processor,reason=KEDAScaleTargetDeactivated',
    ]);
    assert.match(
      deactivated,
      /KEDAScaleTargetDeactivated\s+scaledobject\/orders-processor\s+Deactivated apps\/v1\.Deployment orders\/orders-processor from 5 to 0\s*$/m,
    );
    const final = await so();
    assert.equal(condition(final, 'Active')?.reason, 'ScalerNotActive');
    await sim.cluster.clock.step(20_000);
    assert.equal(condition(await hpa(), 'ScalingActive')?.reason, 'ScalingDisabled');
  });
});

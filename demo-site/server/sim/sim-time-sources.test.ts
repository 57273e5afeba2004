/**
 * The virtual clock (timers in virtual time, stepping, speed, pause), the event sources (curves,
 * cron on its real schedule and timezone, source identity, queues drained by consumers) and their
 * control routes `/sim/v1/clock` and `/sim/v1/sources`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { VirtualClock } from './core/virtual-clock.ts';
import { cronReading, nextActivation, parseCron } from './sources/cron.ts';
import { curveArrivals, curveProblems, curveValue } from './sources/curves.ts';
import { sourceKey } from './sources/identity.ts';
import { call, startCluster, type Running } from './test-helpers.ts';
import { createDeployment, createScaledObject, step, steppedCluster } from './test-sim.ts';

describe('virtual clock', () => {
  test('timers fire in virtual-time order when stepped; ties in scheduling order; cancel works', async () => {
    const clock = new VirtualClock({ start: Date.UTC(2026, 0, 1), stepped: true });
    const fired: string[] = [];
    clock.every(10_000, () => fired.push(`every@${(clock.nowMs() - Date.UTC(2026, 0, 1)) / 1000}`));
    clock.after(5_000, () => fired.push('a@5'));
    clock.after(5_000, () => fired.push('b@5'));
    const cancel = clock.after(7_000, () => fired.push('never'));
    cancel();
    await clock.step(25_000);
    assert.deepEqual(fired, ['a@5', 'b@5', 'every@10', 'every@20']);
    assert.equal(clock.now().toISOString(), '2026-01-01T00:00:25.000Z');
    clock.dispose();
  });

  test('real time at a speed: 1000× moves ~a second of virtual time per real millisecond; pause stops it', async () => {
    const clock = new VirtualClock({ speed: 1000 });
    const start = clock.nowMs();
    await new Promise((r) => setTimeout(r, 50));
    const moved = clock.nowMs() - start;
    assert.ok(moved >= 40_000 && moved < 5_000_000, `moved ${moved} ms`);
    let ticks = 0;
    clock.every(1000, () => ticks++);
    await new Promise((r) => setTimeout(r, 60));
    assert.ok(ticks > 5, `${ticks} ticks`);
    clock.setPaused(true);
    const frozen = clock.nowMs();
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(clock.nowMs(), frozen);
    assert.deepEqual(
      { speed: clock.state().speed, paused: clock.state().paused },
      { speed: 1000, paused: true },
    );
    clock.dispose();
  });
});

describe('curves', () => {
  test('gauges: constant, steps, ramp, sine, bursts, daily in a timezone', () => {
    assert.equal(curveValue({ type: 'constant', value: 7 }, 100, 0), 7);
    const steps = {
      type: 'steps' as const,
      steps: [
        { at: 0, value: 1 },
        { at: 60, value: 5 },
      ],
      periodSeconds: 120,
    };
    assert.deepEqual(
      [curveValue(steps, 30, 0), curveValue(steps, 90, 0), curveValue(steps, 150, 0)],
      [1, 5, 1],
    );
    assert.equal(curveValue({ type: 'ramp', from: 0, to: 100, durationSeconds: 100 }, 25, 0), 25);
    assert.ok(
      Math.abs(curveValue({ type: 'sine', base: 10, amplitude: 5, periodSeconds: 40 }, 10, 0) - 15) < 1e-9,
    );
    const bursts = {
      type: 'bursts' as const,
      amount: 267,
      everySeconds: 1800,
      offsetSeconds: -40,
      durationSeconds: 60,
    };
    assert.equal(curveValue(bursts, 0, 0), 267);
    assert.equal(curveValue(bursts, 100, 0), 0);
    const daily = {
      type: 'daily' as const,
      timezone: 'Europe/Berlin',
      points: [
        { hour: 0, value: 0 },
        { hour: 12, value: 120 },
      ],
    };
    // 10:00 UTC in January = 11:00 in Berlin → 110.
    assert.equal(Math.round(curveValue(daily, 0, Date.UTC(2026, 0, 15, 10))), 110);
  });

  test('arrivals: a rate integrates over time; bursts add whole batches at their instants', () => {
    assert.equal(curveArrivals({ type: 'constant', value: 2 }, 0, 30, 0), 60);
    const bursts = { type: 'bursts' as const, amount: 100, everySeconds: 60, offsetSeconds: 10 };
    assert.equal(curveArrivals(bursts, 0, 9.9, 0), 0);
    assert.equal(curveArrivals(bursts, 0, 10, 0), 100);
    assert.equal(curveArrivals(bursts, -200, 200, 0), 700);
    assert.equal(
      Math.round(curveArrivals({ type: 'ramp', from: 0, to: 10, durationSeconds: 10 }, 0, 10, 0)),
      50,
    );
  });

  test('validation lists every problem', () => {
    assert.deepEqual(curveProblems({ type: 'bursts', amount: 'x', everySeconds: 0 }), [
      'curve.amount must be a number',
      'curve.everySeconds must be a positive number',
    ]);
    assert.deepEqual(
      curveProblems({ type: 'daily', points: [{ hour: 1, value: 2 }], timezone: 'Mars/Olympus' }),
      ['curve.timezone: unknown time zone Mars/Olympus'],
    );
    assert.deepEqual(curveProblems({ type: 'square' }), [
      'curve.type must be one of constant, steps, ramp, sine, daily, bursts',
    ]);
  });
});

describe('cron on its real schedule', () => {
  const businessHours = {
    timezone: 'Europe/Berlin',
    start: '0 8 * * 1-5',
    end: '0 18 * * 1-5',
    desiredReplicas: '3',
  };

  test('next activation: weekdays, timezone (winter CET and summer CEST), steps, lists, names', () => {
    // Saturday 2026-01-17 12:00 UTC → Monday 08:00 CET = 07:00 UTC.
    const monday = nextActivation(parseCron('0 8 * * 1-5'), Date.UTC(2026, 0, 17, 12), 'Europe/Berlin');
    assert.equal(new Date(monday ?? 0).toISOString(), '2026-01-19T07:00:00.000Z');
    // In July Berlin is UTC+2.
    const july = nextActivation(parseCron('0 8 * * MON-FRI'), Date.UTC(2026, 6, 14, 12), 'Europe/Berlin');
    assert.equal(new Date(july ?? 0).toISOString(), '2026-07-15T06:00:00.000Z');
    const quarter = nextActivation(parseCron('*/15 * * * *'), Date.UTC(2026, 0, 1, 10, 7, 30), 'UTC');
    assert.equal(new Date(quarter ?? 0).toISOString(), '2026-01-01T10:15:00.000Z');
    const list = nextActivation(parseCron('0 6,18 1 JAN,JUL *'), Date.UTC(2026, 0, 1, 7), 'UTC');
    assert.equal(new Date(list ?? 0).toISOString(), '2026-01-01T18:00:00.000Z');
    // Strictly after: exactly on an activation, the next one.
    const hourly = nextActivation(parseCron('@hourly'), Date.UTC(2026, 0, 1, 10), 'UTC');
    assert.equal(new Date(hourly ?? 0).toISOString(), '2026-01-01T11:00:00.000Z');
    assert.throws(() => parseCron('0 8 * *'), /expected exactly 5 fields/);
  });

  test("KEDA's cron scaler: desiredReplicas inside the window, 1 outside; bad zone is KEDA's error", () => {
    // Tuesday 2026-01-20 09:30 UTC = 10:30 in Berlin.
    assert.deepEqual(
      (({ active, value }) => ({ active, value }))(cronReading(businessHours, Date.UTC(2026, 0, 20, 9, 30))),
      { active: true, value: 3 },
    );
    // 18:30 in Berlin, and Saturday noon.
    assert.equal(cronReading(businessHours, Date.UTC(2026, 0, 20, 17, 30)).active, false);
    assert.deepEqual(
      (({ active, value }) => ({ active, value }))(cronReading(businessHours, Date.UTC(2026, 0, 24, 11))),
      { active: false, value: 1 },
    );
    assert.throws(
      () => cronReading({ ...businessHours, timezone: 'Mars/Olympus' }, 0),
      /unknown time zone Mars\/Olympus/,
    );
  });
});

describe('source identity', () => {
  test('keys name what the trigger measures; credentials and thresholds are left out', () => {
    assert.equal(
      sourceKey({ type: 'rabbitmq', metadata: { queueName: 'orders', value: '50' } }, 'shop', {
        authParams: { host: 'amqp://user:secret@rabbitmq.shop.svc:5672/vhost' },
      }),
      'rabbitmq:rabbitmq.shop.svc:5672/vhost//orders',
    );
    assert.equal(
      sourceKey(
        {
          type: 'kafka',
          metadata: { bootstrapServers: 'k:9092', consumerGroup: 'g', topic: 't', lagThreshold: '5' },
        },
        'ns',
      ),
      'kafka:k:9092/t/g',
    );
    assert.equal(
      sourceKey(
        {
          type: 'aws-sqs-queue',
          metadata: { queueURL: 'https://sqs.eu-west-1.amazonaws.com/1/q', queueLength: '5' },
        },
        'ns',
      ),
      'aws-sqs-queue:https://sqs.eu-west-1.amazonaws.com/1/q',
    );
    assert.equal(
      sourceKey(
        {
          type: 'couchdb',
          metadata: { dbName: 'd', queryValue: '3', activationQueryValue: '1', password: 'x' },
        },
        'ns',
      ),
      'couchdb:dbName=d',
    );
  });
});

describe('a queue drained by its consumers', () => {
  test('the backlog goes down by ready replicas × rate, exactly between pod changes', async () => {
    const cluster = await steppedCluster();
    try {
      await createDeployment(cluster, 'default', 'worker', 2);
      await createScaledObject(cluster, 'default', 'worker', {
        scaleTargetRef: { name: 'worker' },
        minReplicaCount: 2,
        maxReplicaCount: 2,
        triggers: [
          {
            type: 'rabbitmq',
            metadata: { queueName: 'jobs', mode: 'QueueLength', value: '1000', host: 'amqp://mq:5672' },
          },
        ],
      });
      await step(cluster, 10);
      const key = 'rabbitmq:mq:5672//jobs';
      const view = cluster.sources.get(key);
      assert.ok(view, JSON.stringify(cluster.sources.list().map((s) => s.key)));
      assert.deepEqual(view.drain, {
        perConsumerPerSecond: 1,
        consumers: { namespace: 'default', selector: 'app=worker' },
      });
      assert.equal(view.consumers, 2);
      cluster.sources.configure(key, {
        value: 100,
        drain: { perConsumerPerSecond: 2, consumers: { namespace: 'default', selector: 'app=worker' } },
      });
      await step(cluster, 10);
      assert.equal(cluster.sources.get(key)?.value, 60);
      cluster.sources.burst(key, 40);
      assert.equal(cluster.sources.get(key)?.value, 100);
      assert.deepEqual(cluster.sources.get(key)?.usedBy, ['ScaledObject default/worker']);
    } finally {
      await cluster.close();
    }
  });
});

describe('control routes: /sim/v1/clock and /sim/v1/sources', () => {
  let sim: Running;
  before(async () => {
    sim = await startCluster({ scenario: 'empty', seed: 3, steppedClock: true });
  });
  after(async () => {
    await sim.cluster.close();
  });
  const admin = (method = 'GET', body?: unknown) => ({
    method,
    token: sim.cluster.adminToken,
    caPem: sim.caPem,
    ...(body !== undefined ? { body } : {}),
  });

  test('clock: GET, PUT speed/paused, POST step; errors are 400 Status documents; the viewer may only read', async () => {
    const state = (await call(sim.url, '/sim/v1/clock', admin())).json<{
      nowMs: number;
      speed: number;
      paused: boolean;
      stepped: boolean;
    }>();
    assert.deepEqual(
      { speed: state.speed, paused: state.paused, stepped: state.stepped },
      { speed: 1, paused: false, stepped: true },
    );
    const stepped = await call(sim.url, '/sim/v1/clock/step', admin('POST', { seconds: 90 }));
    assert.equal(stepped.status, 200);
    assert.equal(stepped.json<{ nowMs: number }>().nowMs - state.nowMs, 90_000);
    const put = await call(sim.url, '/sim/v1/clock', admin('PUT', { speed: 60, paused: true }));
    assert.deepEqual(
      (({ speed, paused }) => ({ speed, paused }))(put.json<{ speed: number; paused: boolean }>()),
      { speed: 60, paused: true },
    );
    const bad = await call(sim.url, '/sim/v1/clock', admin('PUT', { speed: -1, color: 'red' }));
    assert.equal(bad.status, 400);
    assert.equal(
      bad.json<{ message: string }>().message,
      'unknown field "color"; speed must be a number above 0 and at most 100000',
    );
    const badStep = await call(sim.url, '/sim/v1/clock/step', admin('POST', { seconds: 'ten' }));
    assert.equal(badStep.status, 400);
    const viewer = await call(sim.url, '/sim/v1/clock/step', {
      method: 'POST',
      token: sim.cluster.readOnlyToken,
      caPem: sim.caPem,
      body: { seconds: 1 },
    });
    assert.equal(viewer.status, 403);
  });

  test('sources: GET lists values; PUT sets a value; PATCH fails it; POST burst; unknown keys are 400', async () => {
    await createDeployment(sim.cluster, 'default', 'w', 0);
    await createScaledObject(sim.cluster, 'default', 'w', {
      scaleTargetRef: { name: 'w' },
      triggers: [
        {
          type: 'metrics-api',
          metadata: { url: 'http://api:8080/q', valueLocation: 'depth', targetValue: '5' },
        },
      ],
    });
    await sim.cluster.clock.step(1000);
    const listed = (await call(sim.url, '/sim/v1/sources', admin())).json<{
      sources: { key: string; type: string; value: number }[];
    }>();
    const source = listed.sources.find((s) => s.type === 'metrics-api');
    assert.ok(source);
    assert.equal(source.key, 'metrics-api:http://api:8080/q/depth');
    const put = await call(sim.url, '/sim/v1/sources', admin('PUT', { key: source.key, value: 42 }));
    assert.equal(put.status, 200, put.text);
    assert.deepEqual(
      (({ value, failing, curve }) => ({ value, failing, curve }))(
        put.json<{ value: number; failing: boolean; curve: unknown }>(),
      ),
      { value: 42, failing: false, curve: { type: 'constant', value: 42 } },
    );
    const failing = await call(
      sim.url,
      '/sim/v1/sources',
      admin('PATCH', { key: source.key, failing: true }),
    );
    assert.equal(
      failing.json<{ failing: boolean; failureMessage: string }>().failureMessage,
      'error requesting metrics endpoint: Get "http://api:8080/q": dial tcp api:8080: connect: connection refused',
    );
    const burst = await call(
      sim.url,
      '/sim/v1/sources/burst',
      admin('POST', { key: source.key, amount: 8, durationSeconds: 30 }),
    );
    assert.equal(burst.json<{ value: number }>().value, 50);
    const one = await call(sim.url, `/sim/v1/sources?key=${encodeURIComponent(source.key)}`, admin());
    assert.equal(one.json<{ key: string }>().key, source.key);
    const unknown = await call(sim.url, '/sim/v1/sources', admin('PATCH', { key: 'nope:1', failing: true }));
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json<{ message: string }>().message, 'source "nope:1" not found');
    const invalid = await call(
      sim.url,
      '/sim/v1/sources',
      admin('PUT', { key: source.key, curve: { type: 'bursts' } }),
    );
    assert.equal(invalid.status, 400);
  });
});

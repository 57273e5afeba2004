import type { ScaledJob, ScaledObject } from 'keda-elements';
import { describe, expect, it } from 'vitest';
import { kedaManager, type ManagedCandidate } from './keda-managed';

const so = (name: string, target: Record<string, string>, namespace = 'shop') =>
  ({
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, namespace },
    spec: { scaleTargetRef: target, triggers: [] },
  } as unknown as ScaledObject);
const sj = (name: string) =>
  ({
    kind: 'ScaledJob',
    metadata: { name, namespace: 'shop' },
    spec: { jobTargetRef: {}, triggers: [] },
  } as unknown as ScaledJob);

const scaledObjects = [
  so('web-so', { name: 'web' }),
  so('db-so', { name: 'db', kind: 'StatefulSet' }),
  so('rollout-so', { name: 'web', kind: 'Rollout', apiVersion: 'argoproj.io/v1alpha1' }),
  so('other-ns', { name: 'api' }, 'other'),
];
const obj = (
  kind: string,
  name: string,
  extra: Partial<ManagedCandidate['metadata']> = {},
  apiVersion = 'apps/v1'
): ManagedCandidate => ({ kind, apiVersion, metadata: { name, namespace: 'shop', ...extra } });

describe('kedaManager', () => {
  it.each([
    ['a Deployment named by scaleTargetRef (kind defaulted)', obj('Deployment', 'web'), 'web-so'],
    ['a StatefulSet named with its kind', obj('StatefulSet', 'db'), 'db-so'],
    [
      'a StatefulSet when only a Deployment of that name is targeted',
      obj('StatefulSet', 'web'),
      undefined,
    ],
    ['a Deployment no ScaledObject targets', obj('Deployment', 'api'), undefined],
    [
      'a Deployment of another namespace',
      { ...obj('Deployment', 'api'), metadata: { name: 'api', namespace: 'third' } },
      undefined,
    ],
    [
      'a same-named object of another API group',
      obj('Deployment', 'web', {}, 'extensions.example/v1'),
      undefined,
    ],
    [
      'a KEDA HPA (owned by its ScaledObject)',
      obj(
        'HorizontalPodAutoscaler',
        'keda-hpa-web-so',
        {
          ownerReferences: [
            { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', name: 'web-so' },
          ],
        },
        'autoscaling/v2'
      ),
      'web-so',
    ],
    ['an HPA of its own', obj('HorizontalPodAutoscaler', 'plain', {}, 'autoscaling/v2'), undefined],
    [
      'a Job labelled by its ScaledJob',
      obj('Job', 'export-x1', { labels: { 'scaledjob.keda.sh/name': 'export' } }, 'batch/v1'),
      'export',
    ],
    [
      'a Job without the label',
      obj('Job', 'backup', { labels: { app: 'backup' } }, 'batch/v1'),
      undefined,
    ],
  ])('%s', (_, resource, expected) => {
    expect(kedaManager(resource, scaledObjects, [sj('export')])?.name).toBe(expected);
  });

  it('names a missing ScaledJob or ScaledObject without an object', () => {
    const job = obj('Job', 'x', { labels: { 'scaledjob.keda.sh/name': 'gone' } }, 'batch/v1');
    expect(kedaManager(job, [], [])).toEqual({
      kind: 'ScaledJob',
      namespace: 'shop',
      name: 'gone',
      object: undefined,
    });
  });
});

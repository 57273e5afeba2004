/** The simulated Kubernetes API server (with KEDA's CRDs) for the demo site, tests and `npm run sim`. */
export { SimCluster, type ListenOptions, type ListenResult, type SimClusterOptions } from './cluster.ts';
export {
  SimClient,
  type ClientPatchType,
  type ClientSubresource,
  type DeleteOptions,
  type ListOptions,
  type ObjectRef,
  type WriteOptions,
} from './client.ts';
export { ApiError, isApiError } from './core/errors.ts';
export { ManualClock, systemClock, type Clock } from './core/clock.ts';
export type { ScenarioName } from './scenarios/index.ts';

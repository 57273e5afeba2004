// The relationship graph's public API (also used by the Headlamp map source).
export * from './types.js';
export { buildRelationshipGraph, MAX_JOBS_SHOWN } from './build.js';
export type { GraphInput, WorkloadObject, PodObject, JobObject } from './build.js';
export { eventSourceOf, type EventSource } from './event-source.js';
export { neighbourhood, scopeToNamespace } from './neighbourhood.js';
export { layeredLayout, type GraphLayout, type LayoutOptions, type Point } from './layout.js';

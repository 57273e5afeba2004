/** Where the charts' history comes from besides live sampling: the browser's own recording and Prometheus. */
export { IndexedDbHistory, type IndexedDbHistoryOptions } from './indexeddb-history.js';
export * from './prometheus-source.js';

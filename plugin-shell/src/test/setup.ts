// Loaded before every test file (vitest.config.mts setupFiles).
// Headlamp resolves kubeconfigs from IndexedDB on every cluster request.
import 'fake-indexeddb/auto';
// Headlamp's lib must load before any deep import of lib/k8s/* (an ESM cycle otherwise leaves a
// base class undefined: "Class extends value undefined").
import '@kinvolk/headlamp-plugin/lib';
// matchMedia, ResizeObserver and a canvas 2D context for the elements' charts.
import './browser-shims';

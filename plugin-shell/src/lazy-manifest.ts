/**
 * What the build (vite.config.mts) and the loader (lazy-elements.ts) agree on about the heavy
 * elements that are not in main.js: which they are, their file names next to main.js, the modules
 * main.js lends them, and the checksum of a file. No imports: vite.config.mts bundles this file.
 */

/**
 * The elements loaded on demand, each from its own file: CodeMirror, the wizard (with its what-if
 * chart and KEDA's scaler catalog) and cytoscape would otherwise more than double main.js.
 */
export const LAZY_ELEMENTS = [
  'keda-yaml-editor',
  'keda-create-wizard',
  'keda-relationship-graph',
] as const;

export type LazyElementTag = (typeof LAZY_ELEMENTS)[number];

/** The file beside main.js (in dist/ and in the installed plugin folder) that defines `tag`. */
export function lazyBundleFile(tag: string): string {
  return `${tag}.js`;
}

/**
 * Modules of keda-elements that a lazy bundle takes from main.js instead of bundling its own
 * copy: the @lit/context keys are `Symbol()`s, so a second copy would never find main.js's
 * `<keda-connection>`; and the elements test errors with `instanceof KubeApiError`, which must be
 * the class main.js's Headlamp client throws.
 */
export const SHARED_MODULES = ['context/contexts', 'data/kube-client'] as const;

export type SharedModule = (typeof SHARED_MODULES)[number];

/** The external id a lazy bundle imports `module` as (a key of the loader's `kedaShared`). */
export function sharedModuleId(module: string): string {
  return `keda-shared:${module}`;
}

/** The name of the object the loader hands a lazy bundle (its IIFE reads `kedaShared[id]`). */
export const SHARED_PARAMETER = 'kedaShared';

/**
 * 32-bit FNV-1a over the UTF-16 code units of `text`, as 8 hex digits. Not a security measure
 * (the same server serves main.js): it tells the loader that the file it fetched is the one
 * this main.js was built with, not a stale cache or another version's.
 */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Loads the heavy elements (YAML editor, creation wizard, relationship graph) from their own files
 * beside main.js, the first time a route shows one, so main.js stays small.
 *
 * Headlamp runs main.js from its source text (`new Function`), so main.js has no URL of its own.
 * The loader finds its folder the way Headlamp found main.js: the backend's `GET /plugins`
 * listing (`[{path: 'plugins/<folder>', type, name}]`, paths relative to Headlamp's app URL),
 * asked through `ApiProxy.request`, which builds the URL as Headlamp does (base URL, desktop
 * backend port, Docker Desktop) and sends Headlamp's headers. Folders whose package.json names
 * this plugin are tried in Headlamp's order (development, user, shipped); the first whose file
 * has the checksum this main.js was built with is run like main.js itself: its text through
 * `new Function`, with `kedaShared` (the modules main.js lends it: context keys, KubeApiError).
 */
import { ApiProxy } from '@kinvolk/headlamp-plugin/lib';
import * as contexts from 'keda-elements/context/contexts';
import * as kubeClient from 'keda-elements/data/kube-client';
import {
  fnv1a,
  LAZY_ELEMENTS,
  lazyBundleFile,
  type LazyElementTag,
  SHARED_PARAMETER,
  type SharedModule,
  sharedModuleId,
} from './lazy-manifest';

/** Set by vite.config.mts at build time: this package's name and each lazy file's checksum. */
declare const __KEDA_LAZY_BUNDLES__:
  | { packageName: string; bundles: Record<string, { file: string; hash: string }> }
  | undefined;

// Read on use (the build replaces the name with a literal; tests set a global of that name).
const built = () =>
  typeof __KEDA_LAZY_BUNDLES__ === 'undefined' ? undefined : __KEDA_LAZY_BUNDLES__;

/** This plugin's package name (its package.json `name`), as its folder's package.json has it. */
export const packageName = () => built()?.packageName ?? 'keda-dashboard';

/** The file and checksum main.js expects for `tag` (no checksum when not built by vite.config). */
export function expectedBundle(tag: LazyElementTag): { file: string; hash: string } {
  return built()?.bundles[tag] ?? { file: lazyBundleFile(tag), hash: '' };
}

const SHARED: Record<string, unknown> = {
  [sharedModuleId('context/contexts' satisfies SharedModule)]: contexts,
  [sharedModuleId('data/kube-client' satisfies SharedModule)]: kubeClient,
};

/** Why a lazy element could not be loaded; `url` is the file (or listing) it was looking for. */
export class LazyElementError extends Error {
  constructor(message: string, readonly url: string) {
    super(message);
    this.name = 'LazyElementError';
  }
}

/** One entry of Headlamp's `GET /plugins` (backend/pkg/plugins: `PluginMetadata`). */
interface PluginListEntry {
  path: string;
  type?: 'development' | 'user' | 'shipped';
  name?: string;
}

/** A folder holding this plugin: its path for ApiProxy and its absolute URL. */
export interface PluginFolder {
  path: string;
  url: string;
}

// Headlamp loads the development copy of a plugin over the user-installed one over the shipped
// one (frontend/src/plugin/index.ts applyPluginPriority).
const TYPE_ORDER = ['development', 'user', 'shipped'];
const rank = (entry: PluginListEntry) => {
  const i = TYPE_ORDER.indexOf(entry.type ?? '');
  return i < 0 ? TYPE_ORDER.length : i;
};

const reason = (error: unknown) => {
  if (error instanceof Error) {
    const status = (error as Error & { status?: unknown }).status;
    return typeof status === 'number' ? `HTTP ${status} ${error.message}` : error.message;
  }
  return String(error);
};

let folders: Promise<PluginFolder[]> | undefined;

/**
 * The folders Headlamp serves this plugin from, in the order Headlamp prefers them. Asked once;
 * a failure is forgotten so the next route mount asks again.
 */
export function pluginFolders(): Promise<PluginFolder[]> {
  folders ??= findPluginFolders().catch(error => {
    folders = undefined;
    throw error;
  });
  return folders;
}

async function findPluginFolders(): Promise<PluginFolder[]> {
  let listUrl = `${window.location.origin}/plugins`;
  let entries: PluginListEntry[];
  try {
    // isJSON false: the Response, whose url is the listing's absolute URL (Headlamp's app URL).
    const response: Response = await ApiProxy.request('/plugins', { isJSON: false }, false, false);
    if (response.url) listUrl = response.url;
    entries = await response.json();
  } catch (error) {
    throw new LazyElementError(
      `Headlamp's plugin list (${listUrl}) could not be read: ${reason(error)}`,
      listUrl
    );
  }
  if (!Array.isArray(entries)) {
    throw new LazyElementError(`Headlamp's plugin list (${listUrl}) is not a list`, listUrl);
  }
  const candidates = entries
    .filter(entry => typeof entry?.path === 'string' && entry.path !== '')
    .sort((a, b) => rank(a) - rank(b));
  // The folder name need not be the package name (a tarball's folder is the build folder's);
  // package.json says which plugin a folder holds, as it does for Headlamp.
  const names = await Promise.all(
    candidates.map(entry =>
      ApiProxy.request(`/${entry.path}/package.json`, {}, false, false).then(
        (pkg: { name?: unknown } | null) => pkg?.name,
        () => undefined
      )
    )
  );
  const name = packageName();
  const found = candidates
    .filter((_, i) => names[i] === name)
    .map(entry => ({ path: entry.path, url: new URL(`${entry.path}/`, listUrl).href }));
  if (found.length === 0) {
    throw new LazyElementError(
      `Headlamp's plugin list (${listUrl}) has no folder whose package.json is ${name}'s`,
      listUrl
    );
  }
  return found;
}

/** Runs a lazy bundle's text as Headlamp runs main.js, handing it the modules main.js lends. */
function run(source: string, url: string): void {
  // eslint-disable-next-line no-new-func
  const execute = new Function(SHARED_PARAMETER, `${source}\n//# sourceURL=${url}`);
  execute(SHARED);
}

async function load(tag: LazyElementTag): Promise<void> {
  const { file, hash } = expectedBundle(tag);
  const places = await pluginFolders();
  const failures: string[] = [];
  for (const folder of places) {
    const url = folder.url + file;
    let source: string;
    try {
      // The checksum in the query keeps a browser from reusing a previous version's file.
      const query = hash ? `?v=${hash}` : '';
      const response: Response = await ApiProxy.request(
        `/${folder.path}/${file}${query}`,
        { isJSON: false },
        false,
        false
      );
      source = await response.text();
    } catch (error) {
      failures.push(`${url}: ${reason(error)}`);
      continue;
    }
    const actual = fnv1a(source);
    if (hash && actual !== hash) {
      failures.push(`${url}: another build of the file (checksum ${actual}, expected ${hash})`);
      continue;
    }
    try {
      run(source, url);
    } catch (error) {
      throw new LazyElementError(`${url} failed to run: ${reason(error)}`, url);
    }
    if (!customElements.get(tag)) {
      throw new LazyElementError(`${url} ran but did not define <${tag}>`, url);
    }
    return;
  }
  const first = places[0] ? places[0].url + file : file;
  throw new LazyElementError(`<${tag}> could not be loaded. ${failures.join('; ')}`, first);
}

const loads = new Map<LazyElementTag, Promise<void>>();

/**
 * Resolves once `<tag>` is defined, loading its file the first time. A failed load is forgotten,
 * so a retry fetches again.
 */
export function loadLazyElement(tag: LazyElementTag): Promise<void> {
  if (!LAZY_ELEMENTS.includes(tag)) {
    return Promise.reject(new Error(`<${tag}> is not a lazily loaded element`));
  }
  if (customElements.get(tag)) return Promise.resolve();
  let loading = loads.get(tag);
  if (!loading) {
    loading = load(tag).catch(error => {
      loads.delete(tag);
      throw error;
    });
    loads.set(tag, loading);
  }
  return loading;
}

/** Forgets cached folders and loads (tests). */
export function resetLazyElements(): void {
  folders = undefined;
  loads.clear();
}

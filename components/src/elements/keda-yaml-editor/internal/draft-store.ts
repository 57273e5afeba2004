/**
 * Unsaved YAML kept in the browser (localStorage by default) so that a failed save, a closed tab
 * or a reload never loses what someone typed. One draft per cluster / kind / namespace / name.
 * The draft holds the text as typed (credentials included: it is what the person typed, on their
 * machine) and the object the edit started from, so a later save can still be rebased.
 */
import type { KubeObject } from '../../../core/kube/types.js';

export interface Draft {
  text: string;
  /** ms since epoch. */
  savedAt: number;
  /** The object the edit started from (without managedFields); absent in create mode. */
  base?: KubeObject;
}

/** The part of the Web Storage API drafts use. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'keda-yaml-editor/v1';

/** The storage key of one object's draft. */
export function draftKey(
  cluster: string,
  kind: string,
  namespace: string | undefined,
  name: string | undefined,
): string {
  const part = (s: string | undefined, empty: string) => encodeURIComponent(s || empty);
  return `${PREFIX}/${part(cluster, 'default')}/${kind}/${part(namespace, '-')}/${part(name, '(new)')}`;
}

function defaultStorage(): DraftStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked (privacy settings, sandboxed frames)
  }
}

export class DraftStore {
  constructor(private readonly storage: DraftStorage | undefined = defaultStorage()) {}

  get available(): boolean {
    return this.storage !== undefined;
  }

  load(key: string): Draft | undefined {
    try {
      const raw = this.storage?.getItem(key);
      if (!raw) return undefined;
      const draft = JSON.parse(raw) as Partial<Draft>;
      if (typeof draft.text !== 'string' || typeof draft.savedAt !== 'number') return undefined;
      return draft as Draft;
    } catch {
      return undefined;
    }
  }

  /** Whether the draft was stored (storage may be full or refused). */
  save(key: string, draft: Draft): boolean {
    if (!this.storage) return false;
    try {
      const base = draft.base
        ? { ...draft.base, metadata: { ...draft.base.metadata, managedFields: undefined } }
        : undefined;
      this.storage.setItem(key, JSON.stringify({ ...draft, base }));
      return true;
    } catch {
      return false;
    }
  }

  remove(key: string): void {
    try {
      this.storage?.removeItem(key);
    } catch {
      // nothing to do: the draft stays until storage works again
    }
  }
}

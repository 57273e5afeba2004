import { createContext } from '@lit/context';
import type { KedaStore } from '../data/keda-store.js';

export const kedaStoreContext = createContext<KedaStore | undefined>(Symbol('keda-store'));

/** What a view can link to; a host maps it to its own routes. */
export interface ObjectRef {
  kind: string;
  /** `group/version` or `v1`. */
  apiVersion?: string;
  namespace?: string;
  name: string;
  /** A particular page of the object, when the host has one (`yaml`: its editor). */
  view?: 'yaml';
}

/** Turns a reference into an href, or undefined when the host has no page for it. */
export type LinkResolver = (ref: ObjectRef) => string | undefined;

export const linksContext = createContext<LinkResolver | undefined>(Symbol('keda-links'));

/** The time source for ages and "last updated" labels; hosts and tests can replace it. */
export interface Clock {
  now(): number;
  /** Calls `listener` on every tick (about once a second). Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export const clockContext = createContext<Clock | undefined>(Symbol('keda-clock'));

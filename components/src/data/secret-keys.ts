import { SecretResource } from '../core/kube/resource.js';
import type { KubeObject } from '../core/kube/types.js';
import type { KubeClient } from './kube-client.js';

/** A Secret as the views may know it: its name, type and key names. Never its values. */
export interface SecretKeys {
  name: string;
  type?: string;
  keys: string[];
}

interface SecretLike extends KubeObject {
  type?: string;
  data?: Record<string, unknown>;
  stringData?: Record<string, unknown>;
}

/**
 * Lists the Secrets of a namespace and keeps only names and key names: the values the API sends
 * are dropped here, before anything else can see them. A one-shot list (no watch, no cache), so
 * no Secret value stays in memory.
 */
export async function listSecretKeys(client: KubeClient, namespace: string): Promise<SecretKeys[]> {
  const list = await client.list<SecretLike>(SecretResource, { namespace });
  return list.items
    .map((s) => ({
      name: s.metadata.name ?? '',
      ...(s.type ? { type: s.type } : {}),
      keys: [...new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})])].sort(),
    }))
    .filter((s) => s.name && s.type !== 'kubernetes.io/service-account-token')
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A kubeconfig for the simulator that kubectl and client libraries accept. */
import { dump } from 'js-yaml';

export interface KubeconfigOptions {
  server: string;
  /** PEM of the CA that signed the server certificate (https only). */
  caPem?: string;
  token?: string;
  contextName?: string;
  namespace?: string;
}

export function buildKubeconfig(options: KubeconfigOptions): string {
  const name = options.contextName ?? 'keda-sim';
  const cluster: Record<string, unknown> = { server: options.server };
  if (options.caPem && options.server.startsWith('https:')) {
    cluster['certificate-authority-data'] = Buffer.from(options.caPem, 'utf8').toString('base64');
  }
  const user: Record<string, unknown> = {};
  if (options.token) user.token = options.token;
  return dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster }],
    users: [{ name: `${name}-user`, user }],
    contexts: [
      { name, context: { cluster: name, user: `${name}-user`, namespace: options.namespace ?? 'default' } },
    ],
    'current-context': name,
    preferences: {},
  });
}

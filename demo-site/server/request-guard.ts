import type { IncomingHttpHeaders } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD = new Set(['0.0.0.0', '::', '']);

function bracket(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The `host:port` values a browser may send for this server: the bound address and the loopback
 * names; for a wildcard bind (`0.0.0.0`, `::`), this machine's name and interface addresses too.
 */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const names = new Set<string>([...LOOPBACK, bracket(bindHost)]);
  if (WILDCARD.has(bindHost)) {
    names.add(hostname());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) names.add(bracket(address.address.replace(/%.*$/, '')));
    }
  }
  names.delete('0.0.0.0');
  names.delete('[::]');
  const hosts = [...names].map((name) => `${name.toLowerCase()}:${port}`);
  // Browsers leave the default port out of Host and Origin.
  if (port === 80) hosts.push(...[...names].map((name) => name.toLowerCase()));
  return new Set(hosts);
}

/**
 * Why a request is refused, or undefined. The Host must be this server (a DNS-rebinding page has
 * another), an Origin must be this server (another site's page, scripts or forms), and a request
 * for cluster data must not come from another site (`Sec-Fetch-Site`: an `<img>` or `<script>`
 * pointing here sends no Origin, but its browser says where it comes from).
 */
export function foreignRequestRefusal(
  headers: IncomingHttpHeaders,
  allowed: ReadonlySet<string>,
  clusterData: boolean,
): string | undefined {
  const host = (headers.host ?? '').toLowerCase();
  if (!allowed.has(host)) return `Host "${headers.host ?? ''}" is not this server; request refused.`;
  const origin = headers.origin;
  if (origin !== undefined) {
    let originHost: string;
    try {
      const url = new URL(origin);
      if (url.protocol !== 'http:') return `Cross-origin request from ${origin} refused.`;
      originHost = url.host;
    } catch {
      return `Origin "${origin}" is not this server; request refused.`;
    }
    if (!allowed.has(originHost)) return `Cross-origin request from ${origin} refused.`;
  }
  const site = headers['sec-fetch-site'];
  if (clusterData && (site === 'cross-site' || site === 'same-site')) {
    return `A ${site} request for cluster data was refused: only this dashboard's own pages may read it.`;
  }
  return undefined;
}

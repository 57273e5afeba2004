/**
 * core/v1 Service: DNS-1035 names, API defaults, ClusterIP allocation from 10.96.0.0/12 and node
 * ports from 30000-32767 (with the cluster's seeded randomness), the allocated values kept across
 * updates, and the service printer.
 */
import type { StatusCause } from '../../../../../components/src/core/kube/types.ts';
import { errors } from '../../core/errors.ts';
import { asNumber, asString, getPath, isObject, type JsonObject } from '../../core/json.ts';
import { dns1035LabelCauses } from '../../core/names.ts';
import type { Random } from '../../core/random.ts';
import { defineResource, nameColumn } from '../define.ts';
import { metaSchemas } from '../schemas.ts';
import { SERVICE_SCHEMA, serviceSchemas } from '../schemas/core.ts';
import type { AllocationContext, KObject, ResourceDef } from '../types.ts';
import { ageColumn, column, formatLabels, objects, text } from './common.ts';

/** The service CIDR (kube-apiserver --service-cluster-ip-range default). */
export const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
/** ClusterIP of the `kubernetes` Service in `default`. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

const needsClusterIP = (type: string): boolean => type !== 'ExternalName';
const needsNodePorts = (type: string): boolean => type === 'NodePort' || type === 'LoadBalancer';

function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 0xff).join('.');
}

function inServiceRange(ip: string): boolean {
  const n = ipToNumber(ip);
  return n !== undefined && n - CIDR_BASE > 0 && n - CIDR_BASE < CIDR_SIZE - 1;
}

function invalid(field: string, message: string): StatusCause {
  return { reason: 'FieldValueInvalid', message, field };
}

function defaultService(o: KObject): void {
  const spec = isObject(o.spec) ? o.spec : (o.spec = {});
  spec.type ??= 'ClusterIP';
  const type = String(spec.type);
  if (type !== 'ExternalName') {
    spec.sessionAffinity ??= 'None';
    spec.internalTrafficPolicy ??= 'Cluster';
  }
  if (needsNodePorts(type)) spec.externalTrafficPolicy ??= 'Cluster';
  if (type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  for (const port of objects(spec.ports)) {
    port.protocol ??= 'TCP';
    port.targetPort ??= port.port;
  }
  if (asString(spec.clusterIP) && !Array.isArray(spec.clusterIPs)) spec.clusterIPs = [spec.clusterIP];
}

interface Allocations {
  ips: Set<string>;
  nodePorts: Set<number>;
}

function allocations(context: AllocationContext, self: KObject): Allocations {
  const ips = new Set<string>();
  const nodePorts = new Set<number>();
  for (const svc of context.stored(serviceResource)) {
    if (svc.metadata.uid === self.metadata.uid) continue;
    const ip = text(svc, 'spec', 'clusterIP');
    if (ip) ips.add(ip);
    for (const p of objects(getPath(svc, ['spec', 'ports']))) {
      const nodePort = asNumber(p.nodePort);
      if (nodePort) nodePorts.add(nodePort);
    }
  }
  return { ips, nodePorts };
}

function randomFree<T>(random: Random, used: Set<T>, pick: () => T): T {
  for (;;) {
    const candidate = pick();
    if (!used.has(candidate)) return candidate;
  }
}

function allocateClusterIP(
  spec: JsonObject,
  previous: JsonObject | undefined,
  used: Allocations,
  random: Random,
): void {
  const type = String(spec.type);
  if (!needsClusterIP(type)) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    return;
  }
  const requested = asString(spec.clusterIP) ?? '';
  const before = asString(previous?.clusterIP) ?? '';
  if (!requested && before) {
    spec.clusterIP = before;
    spec.clusterIPs = previous?.clusterIPs ?? [before];
  } else if (requested === 'None') {
    spec.clusterIPs = ['None'];
  } else if (!requested) {
    const ip = randomFree(random, used.ips, () => numberToIp(CIDR_BASE + 2 + random.int(CIDR_SIZE - 3)));
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
  } else {
    spec.clusterIPs = [requested];
  }
  used.ips.add(String(spec.clusterIP));
  if (spec.clusterIP !== 'None' || requested === 'None') {
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }
}

function allocateNodePorts(
  spec: JsonObject,
  previous: JsonObject | undefined,
  used: Allocations,
  random: Random,
): void {
  const ports = objects(spec.ports);
  if (!needsNodePorts(String(spec.type)) || spec.allocateLoadBalancerNodePorts === false) {
    if (!needsNodePorts(String(spec.type))) for (const p of ports) delete p.nodePort;
    return;
  }
  const before = objects(previous?.ports);
  for (const p of ports) {
    if (asNumber(p.nodePort)) continue;
    const old = before.find((b) => b.port === p.port && (b.protocol ?? 'TCP') === p.protocol);
    const kept = asNumber(old?.nodePort);
    p.nodePort =
      kept ??
      randomFree(random, used.nodePorts, () => NODE_PORT_MIN + random.int(NODE_PORT_MAX - NODE_PORT_MIN + 1));
    used.nodePorts.add(Number(p.nodePort));
  }
}

function allocationCauses(o: KObject, context: AllocationContext): StatusCause[] {
  const used = allocations(context, o);
  const causes: StatusCause[] = [];
  const ip = text(o, 'spec', 'clusterIP');
  if (ip && ip !== 'None') {
    const value = `[]string{"${ip}"}`;
    if (!inServiceRange(ip)) {
      causes.push(
        invalid(
          'spec.clusterIPs',
          `Invalid value: ${value}: failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`,
        ),
      );
    } else if (used.ips.has(ip)) {
      causes.push(
        invalid(
          'spec.clusterIPs',
          `Invalid value: ${value}: failed to allocate IP ${ip}: provided IP is already allocated`,
        ),
      );
    }
  }
  objects(getPath(o, ['spec', 'ports'])).forEach((p, i) => {
    const nodePort = asNumber(p.nodePort);
    if (nodePort === undefined) return;
    const field = `spec.ports[${i}].nodePort`;
    if (nodePort < NODE_PORT_MIN || nodePort > NODE_PORT_MAX) {
      causes.push(
        invalid(
          field,
          `Invalid value: ${nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
        ),
      );
    } else if (used.nodePorts.has(nodePort)) {
      causes.push(invalid(field, `Invalid value: ${nodePort}: provided port is already allocated`));
    }
  });
  return causes;
}

function validateService(o: KObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const type = text(o, 'spec', 'type');
  const supported = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
  if (!supported.includes(type)) {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: "${type}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
      field: 'spec.type',
    });
  }
  const ports = objects(getPath(o, ['spec', 'ports']));
  const headless = text(o, 'spec', 'clusterIP') === 'None';
  if (ports.length === 0 && type !== 'ExternalName' && !headless) {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.ports' });
  }
  if (type === 'ExternalName' && !text(o, 'spec', 'externalName')) {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.externalName' });
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const port = asNumber(p.port);
    if (port === undefined || port < 1 || port > 65535 || !Number.isInteger(port)) {
      causes.push(
        invalid(
          `spec.ports[${i}].port`,
          `Invalid value: ${JSON.stringify(p.port ?? 0)}: must be between 1 and 65535, inclusive`,
        ),
      );
    }
    const name = asString(p.name) ?? '';
    if (ports.length > 1 && !name) {
      causes.push({
        reason: 'FieldValueRequired',
        message: 'Required value',
        field: `spec.ports[${i}].name`,
      });
    }
    if (name && names.has(name)) {
      causes.push({
        reason: 'FieldValueDuplicate',
        message: `Duplicate value: "${name}"`,
        field: `spec.ports[${i}].name`,
      });
    }
    names.add(name);
    const protocol = asString(p.protocol) ?? '';
    if (!['TCP', 'UDP', 'SCTP'].includes(protocol)) {
      causes.push({
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: "${protocol}": supported values: "SCTP", "TCP", "UDP"`,
        field: `spec.ports[${i}].protocol`,
      });
    }
  });
  return causes;
}

function validateServiceUpdate(o: KObject, previous: KObject): StatusCause[] {
  const before = text(previous, 'spec', 'clusterIP');
  const now = text(o, 'spec', 'clusterIP');
  const typeChanged = text(o, 'spec', 'type') !== text(previous, 'spec', 'type');
  if (before && now !== before && !typeChanged) {
    return [invalid('spec.clusterIPs[0]', `Invalid value: "${now}": may not change once set`)];
  }
  return [];
}

function externalIP(o: KObject): string {
  const type = text(o, 'spec', 'type');
  const external = (getPath(o, ['spec', 'externalIPs']) as unknown[] | undefined) ?? [];
  const externals = Array.isArray(external) ? external.map(String) : [];
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return externals.length ? externals.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = objects(getPath(o, ['status', 'loadBalancer', 'ingress']))
        .map((i) => asString(i.ip) || asString(i.hostname) || '')
        .filter((x) => x);
      const all = [...new Set(ingress), ...externals];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return text(o, 'spec', 'externalName');
  }
  return '<unknown>';
}

function portsText(o: KObject): string {
  const pieces = objects(getPath(o, ['spec', 'ports'])).map((p) => {
    const nodePort = asNumber(p.nodePort) ?? 0;
    const protocol = asString(p.protocol) ?? '';
    return nodePort > 0 ? `${String(p.port)}:${nodePort}/${protocol}` : `${String(p.port)}/${protocol}`;
  });
  return pieces.length ? pieces.join(',') : '<none>';
}

export const serviceResource: ResourceDef = defineResource({
  group: '',
  version: 'v1',
  plural: 'services',
  kind: 'Service',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  subresources: ['status'],
  tracksGeneration: false,
  columns: [
    nameColumn,
    column('Type', 'string', 'type determines how the Service is exposed.', (o) => text(o, 'spec', 'type')),
    column(
      'Cluster-IP',
      'string',
      'clusterIP is the IP address of the service and is usually assigned randomly.',
      (o) => {
        const ips = getPath(o, ['spec', 'clusterIPs']);
        return Array.isArray(ips) && typeof ips[0] === 'string' ? ips[0] : '<none>';
      },
    ),
    column(
      'External-IP',
      'string',
      'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
      externalIP,
    ),
    column('Port(s)', 'string', 'The list of ports that are exposed by this service.', portsText),
    ageColumn,
    column(
      'Selector',
      'string',
      'Route service traffic to pods with label keys and values matching this selector.',
      (o) => formatLabels(getPath(o, ['spec', 'selector'])),
      1,
    ),
  ],
  fieldLabels: (o) => ({
    'metadata.name': o.metadata.name ?? '',
    'metadata.namespace': o.metadata.namespace ?? '',
    'spec.clusterIP': text(o, 'spec', 'clusterIP'),
    'spec.type': text(o, 'spec', 'type'),
  }),
  supportedFieldLabels: ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type'],
  patchMergeKeys: { 'spec.ports': 'port' },
  schemas: { kindSchema: SERVICE_SCHEMA, components: { ...metaSchemas, ...serviceSchemas } },
  strategy: {
    validateName: dns1035LabelCauses,
    prepareForCreate(o) {
      defaultService(o);
      o.status = { loadBalancer: {} };
    },
    prepareForUpdate(o) {
      defaultService(o);
    },
    allocate(o, context, previous) {
      const problems = allocationCauses(o, context);
      if (problems.length)
        throw errors.invalid({ group: '', kind: 'Service' }, o.metadata.name ?? '', problems);
      const spec = isObject(o.spec) ? o.spec : (o.spec = {});
      const prevSpec = previous && isObject(previous.spec) ? previous.spec : undefined;
      const used = allocations(context, o);
      allocateClusterIP(spec, prevSpec, used, context.random);
      allocateNodePorts(spec, prevSpec, used, context.random);
    },
    validate: validateService,
    validateUpdate: validateServiceUpdate,
  },
});

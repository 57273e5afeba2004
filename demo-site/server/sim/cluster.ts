/**
 * SimCluster: a simulated Kubernetes API server with KEDA's CRDs, wired from the registry, the
 * store, the REST service, the watch hub, the HTTP handler and the controllers. Mount it in a
 * host server (handleRequest / handleUpgrade) or let it listen on its own port.
 */
import { randomBytes } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ResourceService } from './api/service.ts';
import { SimClient } from './client.ts';
import type { Controller, ControllerContext } from './controllers/controller.ts';
import { CrdController } from './controllers/crd.ts';
import { DeploymentController } from './controllers/deployment.ts';
import { KedaFinalizerController } from './controllers/keda-finalizer.ts';
import { NamespaceController } from './controllers/namespace.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { createRandom } from './core/random.ts';
import { TokenAuthenticator, type UserInfo } from './http/auth.ts';
import { ApiHandler } from './http/handler.ts';
import { OpenApiPublisher } from './http/openapi.ts';
import { sharedDir as resolveSharedDir } from './paths.ts';
import { builtinResources } from './registry/builtin.ts';
import { attachCrdRegistrar } from './registry/crd-registrar.ts';
import { ResourceRegistry } from './registry/registry.ts';
import { seedScenario, type ScenarioName } from './scenarios/index.ts';
import { Seeder } from './scenarios/seeder.ts';
import { generateTlsMaterial } from './server/tls.ts';
import { buildKubeconfig } from './server/kubeconfig.ts';
import { ObjectStore } from './store/store.ts';
import { WatchHub } from './watch/hub.ts';

export interface SimClusterOptions {
  scenario?: ScenarioName;
  /** Events kept for watches resuming from an older resourceVersion (default 10000). */
  watchHistorySize?: number;
  /** Interval of BOOKMARK events on watches that allow them (default 60000). */
  bookmarkIntervalMs?: number;
  /** Directory holding `keda/crds/*.yaml` (default: KEDA_SHARED_DIR, else `<repo>/../shared`). */
  sharedDir?: string;
  /** Request log and controller diagnostics. */
  log?: (line: string) => void;
  /** Seed for every random choice (uids, names, scenario jitter); random when omitted. */
  seed?: number;
  /** Time source (default: the system clock). */
  clock?: Clock;
  /** Fixed tokens (default: random). */
  adminToken?: string;
  readOnlyToken?: string;
}

export interface ListenOptions {
  /** 0 = any free port (default 6443). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Plain HTTP instead of HTTPS; requests without a token are then accepted (kubectl drops tokens over http). */
  insecureHttp?: boolean;
}

export interface ListenResult {
  url: string;
  /** PEM of the CA that signed the server certificate (HTTPS only). */
  caPem?: string;
}

const ADMIN_USER: UserInfo = { name: 'admin', readOnly: false };
const VIEWER_USER: UserInfo = { name: 'viewer', readOnly: true };

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

export class SimCluster {
  readonly adminToken: string;
  readonly readOnlyToken: string;
  /** Typed in-process access with the same semantics as the HTTP API. */
  readonly client: SimClient;

  private readonly store: ObjectStore;
  private readonly registry: ResourceRegistry;
  private readonly hub: WatchHub;
  private readonly handler: ApiHandler;
  private readonly auth: TokenAuthenticator;
  private readonly controllers: Controller[];
  private readonly detachRegistrar: () => void;
  private server: Server | undefined;
  private caPem: string | undefined;
  private closed = false;

  private constructor(options: SimClusterOptions) {
    const clock = options.clock ?? systemClock;
    const random = createRandom(options.seed);
    const log = options.log ?? (() => {});
    this.adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
    this.readOnlyToken = options.readOnlyToken ?? randomBytes(24).toString('base64url');

    this.registry = new ResourceRegistry();
    for (const def of builtinResources) this.registry.register(def);
    this.store = new ObjectStore({ historySize: options.watchHistorySize ?? 10_000, initialRv: 1000 });
    this.detachRegistrar = attachCrdRegistrar(this.store, this.registry);
    const service = new ResourceService(this.registry, this.store, clock, random);
    this.client = new SimClient(this.registry, service);
    this.hub = new WatchHub({
      store: this.store,
      clock,
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    });
    this.auth = new TokenAuthenticator(ADMIN_USER, [
      [this.adminToken, ADMIN_USER],
      [this.readOnlyToken, VIEWER_USER],
    ]);
    this.handler = new ApiHandler({
      registry: this.registry,
      service,
      clock,
      hub: this.hub,
      auth: this.auth,
      openapi: new OpenApiPublisher(this.registry),
      log,
    });

    seedScenario(
      options.scenario ?? 'demo',
      new Seeder(this.store, random, clock),
      this.registry,
      resolveSharedDir(options.sharedDir),
    );

    const context: ControllerContext = { store: this.store, service, registry: this.registry, clock, log };
    this.controllers = [
      new CrdController(),
      new NamespaceController(),
      new DeploymentController(),
      new KedaFinalizerController(),
    ];
    for (const controller of this.controllers) controller.start(context);
  }

  static async create(options: SimClusterOptions = {}): Promise<SimCluster> {
    return new SimCluster(options);
  }

  /** Node request handler for API paths ('/api/...', '/apis/...', '/version', '/openapi/...'). */
  handleRequest(req: IncomingMessage, res: ServerResponse): void {
    this.handler.handle(req, res);
  }

  /** WebSocket upgrade handler for watch paths. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.handler.upgrade(req, socket, head);
  }

  /** Serves over HTTPS (default) or plain HTTP; returns the base URL. */
  async listen(options: ListenOptions = {}): Promise<ListenResult> {
    if (this.server) throw new Error('SimCluster is already listening');
    const host = options.host ?? '127.0.0.1';
    const requestListener = (req: IncomingMessage, res: ServerResponse): void => this.handleRequest(req, res);
    let server: Server;
    if (options.insecureHttp) {
      server = createHttpServer(requestListener);
      this.auth.allowAnonymous = true;
      this.caPem = undefined;
    } else {
      const tls = generateTlsMaterial([host]);
      server = createHttpsServer({ key: tls.keyPem, cert: tls.certPem }, requestListener);
      this.caPem = tls.caPem;
    }
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.handleUpgrade(req, socket, head),
    );
    server.keepAliveTimeout = 30_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 6443, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const url = `${options.insecureHttp ? 'http' : 'https'}://${urlHost(host)}:${port}`;
    return this.caPem ? { url, caPem: this.caPem } : { url };
  }

  /** A kubeconfig (YAML) for `url`: context `keda-sim`, namespace default, the admin token by default. */
  kubeconfig(url: string, token: string = this.adminToken): string {
    return buildKubeconfig({ server: url, caPem: this.caPem, token });
  }

  /** Ends every open watch stream (HTTP and WebSocket); clients see a normal end of stream. */
  dropWatches(): void {
    this.hub.dropAll();
  }

  /** Forgets the watch event history: a watch from any older resourceVersion gets 410 Expired. */
  expireHistory(): void {
    this.store.expireHistory();
  }

  /** Number of open watch streams. */
  get openWatches(): number {
    return this.hub.size;
  }

  /** The current (latest) resourceVersion. */
  get resourceVersion(): string {
    return String(this.store.currentRv);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const controller of this.controllers) controller.stop();
    this.detachRegistrar();
    this.hub.dropAll();
    this.handler.close();
    const server = this.server;
    this.server = undefined;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  }
}

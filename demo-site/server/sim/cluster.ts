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
import { resourcePath } from '../../../components/src/core/kube/resource.ts';
import { ResourceService } from './api/service.ts';
import { createWritePipeline } from './api/write-pipeline.ts';
import { SimClient } from './client.ts';
import type { Controller, ControllerContext } from './controllers/controller.ts';
import { faultRoutes } from './control/fault-routes.ts';
import { ControlApi } from './control/router.ts';
import { collectStatus, type SimStatus } from './control/status.ts';
import { clockRoutes } from './control/clock-routes.ts';
import { CrdController } from './controllers/crd.ts';
import { EventTtlController } from './controllers/event-ttl.ts';
import { GarbageCollector } from './controllers/garbage-collector.ts';
import { HpaController } from './controllers/hpa.ts';
import { DEFAULT_KEDA_VERSION } from './controllers/keda/common.ts';
import { KedaOperator } from './controllers/keda/operator.ts';
import { NamespaceController } from './controllers/namespace.ts';
import { ServiceAccountController } from './controllers/service-account.ts';
import { DeploymentController } from './controllers/workloads/deployment.ts';
import { JobController } from './controllers/workloads/job.ts';
import { KubeletController } from './controllers/workloads/kubelet.ts';
import { ReplicaSetController } from './controllers/workloads/replicaset.ts';
import { StatefulSetController } from './controllers/workloads/statefulset.ts';
import type { Clock } from './core/clock.ts';
import { VirtualClock } from './core/virtual-clock.ts';
import type { KedaVersion } from '../../../components/src/core/scaling/keda.ts';
import { createRandom } from './core/random.ts';
import { FaultInjector } from './faults/injector.ts';
import { Restarter, type RestartOptions } from './faults/restart.ts';
import type { FaultSettings, FaultSettingsInput } from './faults/settings.ts';
import { TokenAuthenticator, type UserInfo } from './http/auth.ts';
import { ApiHandler } from './http/handler.ts';
import { ExternalMetricsApi, type ExternalMetricsProvider } from './metrics/external-metrics.ts';
import { OpenApiPublisher } from './http/openapi.ts';
import { crdSourceDir } from './paths.ts';
import { builtinResources } from './registry/builtin.ts';
import { attachCrdRegistrar } from './registry/crd-registrar.ts';
import { ResourceRegistry } from './registry/registry.ts';
import { seedScenario, type ScenarioName } from './scenarios/index.ts';
import { scheduleTimeline, type ScenarioPlan } from './scenarios/plan.ts';
import { Seeder } from './scenarios/seeder.ts';
import { SourceRegistry } from './sources/registry.ts';
import { SimPrometheusExporter } from './metrics/prometheus-exporter.ts';
import { sourceRoutes } from './sources/routes.ts';
import {
  generateTlsMaterial,
  issueClientCertificate,
  type ClientCertificate,
  type TlsMaterial,
} from './server/tls.ts';
import { buildKubeconfig } from './server/kubeconfig.ts';
import { ObjectStore } from './store/store.ts';
import { WatchHub } from './watch/hub.ts';

export interface SimClusterOptions {
  scenario?: ScenarioName;
  /** Events kept for watches resuming from an older resourceVersion (default 10000). */
  watchHistorySize?: number;
  /** Interval of BOOKMARK events on watches that allow them (default 60000). */
  bookmarkIntervalMs?: number;
  /**
   * A directory holding `keda/crds/*.yaml` to serve instead of KEDA's CRDs as generated into the
   * repository (default: KEDA_SHARED_DIR, else the generated ones).
   */
  sharedDir?: string;
  /** Request log and controller diagnostics. */
  log?: (line: string) => void;
  /** Seed for every random choice (uids, names, scenario jitter); random when omitted. */
  seed?: number;
  /**
   * The virtual clock to drive (a VirtualClock), or any Clock whose now() is where virtual time
   * starts (default: the system time). Every timestamp, age and controller timer uses it.
   */
  clock?: Clock;
  /** Virtual seconds per real second (default 1; `--speed`). */
  speed?: number;
  /** Start with the clock paused (time then moves only with a step). */
  paused?: boolean;
  /** Time moves only through `clock.step(ms)` or POST /sim/v1/clock/step (deterministic tests). */
  steppedClock?: boolean;
  /** The KEDA operator version whose behaviour is simulated (default 2.20.2; `--keda-version`). */
  kedaVersion?: KedaVersion;
  /** A scenario file (YAML): its manifests and plan on top of the `empty` scenario. */
  scenarioFile?: string;
  /** Virtual seconds simulated before "now" at startup (default: the scenario's, demo 1200; none with a VirtualClock passed in). */
  historySeconds?: number;
  /**
   * Run the simulation (KEDA operator, HPA, Deployment/ReplicaSet/StatefulSet/Job/Pod controllers,
   * event sources); default true. Without it the cluster is an API server with a few core
   * controllers (CRDs, namespaces, garbage collection, service accounts).
   */
  simulation?: boolean;
  /** Fixed tokens (default: random). */
  adminToken?: string;
  readOnlyToken?: string;
  /** Faults injected from the start (see faults/settings.ts); change them with setFaults or /sim/v1/faults. */
  faults?: FaultSettingsInput;
  /**
   * Whether KEDA's validating admission webhooks are installed (default true), as with the Helm
   * chart's `webhooks.enabled`. CRD schema validation always applies.
   */
  admissionWebhooks?: boolean;
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
/** Mixed into the seed for the fault injector's random stream. */
const FAULT_SEED_SALT = 0x5eedfa17;
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
  private readonly control = new ControlApi();
  private readonly externalMetrics = new ExternalMetricsApi();
  private readonly faultInjector: FaultInjector;
  private readonly restarter: Restarter;
  private readonly startedAtMs = Date.now();
  private readonly virtualClock: VirtualClock;
  private readonly ownsClock: boolean;
  private readonly sourceRegistry: SourceRegistry;
  private prometheusExporter: SimPrometheusExporter | undefined;
  private readonly plan: ScenarioPlan;
  private readonly epochMs: number;
  private readonly historyMs: number;
  private readonly steppedAfterBoot: boolean;
  private server: Server | undefined;
  private caPem: string | undefined;
  private tls: TlsMaterial | undefined;
  private closed = false;

  private constructor(options: SimClusterOptions) {
    const log = options.log ?? (() => {});
    const given = options.clock;
    this.ownsClock = !(given instanceof VirtualClock);
    // Whole seconds, so that a seeded scenario replays the same second-precision timestamps.
    this.epochMs = Math.floor((given ?? { now: () => new Date() }).now().getTime() / 1000) * 1000;
    const clock =
      given instanceof VirtualClock
        ? given
        : new VirtualClock({
            start: this.epochMs,
            speed: options.speed ?? 1,
            paused: options.paused ?? false,
            stepped: true,
            onError: (error) => log(`clock: timer failed: ${String(error)}`),
          });
    this.virtualClock = clock;
    this.steppedAfterBoot = given instanceof VirtualClock ? given.stepped : (options.steppedClock ?? false);
    const random = createRandom(options.seed);
    this.adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
    this.readOnlyToken = options.readOnlyToken ?? randomBytes(24).toString('base64url');

    this.registry = new ResourceRegistry();
    for (const def of builtinResources) this.registry.register(def);
    this.store = new ObjectStore({ historySize: options.watchHistorySize ?? 10_000, initialRv: 1000 });
    this.detachRegistrar = attachCrdRegistrar(this.store, this.registry);
    const pipeline = createWritePipeline({
      registry: this.registry,
      store: this.store,
      webhooks: options.admissionWebhooks,
      log,
    });
    const service = new ResourceService(this.registry, this.store, clock, random, pipeline);
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
      control: this.control,
      externalMetrics: this.externalMetrics,
      prometheus: { serve: (pathname) => this.prometheusExporter?.serve(pathname) },
    });
    this.faultInjector = new FaultInjector({
      // Its own stream from the cluster's seed: faults do not shift the uids and names of objects.
      random: createRandom(options.seed === undefined ? undefined : (options.seed ^ FAULT_SEED_SALT) >>> 0),
      targets: {
        dropWatches: (matches) =>
          this.hub.dropWhere((spec) => matches(resourcePath(spec.def, { namespace: spec.filter.namespace }))),
        expireHistory: () => this.store.expireHistory(),
      },
      exempt: (pathname) => this.control.owns(pathname),
      log,
    });
    this.faultInjector.configure(options.faults);
    this.restarter = new Restarter({
      dropWatches: () => this.hub.dropAll(),
      stillWanted: () => !this.closed,
      log,
    });
    this.control.register(...faultRoutes(this));
    this.control.register(...clockRoutes(clock));

    // The scenario is seeded as of "now"; then the clock goes back to simulate its history.
    const epoch = new Date(this.epochMs);
    this.plan = seedScenario(
      options.scenarioFile === undefined ? (options.scenario ?? 'demo') : 'empty',
      new Seeder(this.store, random, { now: () => epoch }),
      this.registry,
      crdSourceDir(options.sharedDir),
      options.scenarioFile,
    );
    const simulation = options.simulation ?? true;
    this.historyMs =
      simulation && this.ownsClock ? (options.historySeconds ?? this.plan.historySeconds) * 1000 : 0;
    if (this.historyMs > 0) clock.jumpTo(this.epochMs - this.historyMs);
    this.sourceRegistry = new SourceRegistry({
      clock,
      store: this.store,
      epochMs: this.epochMs,
      rules: this.plan.sources,
    });
    this.control.register(...sourceRoutes(this.sourceRegistry));
    this.prometheusExporter = new SimPrometheusExporter({
      store: this.store,
      registry: this.registry,
      sources: this.sourceRegistry,
    });

    const context: ControllerContext = {
      store: this.store,
      service,
      registry: this.registry,
      clock,
      log,
      externalMetrics: this.externalMetrics,
      scheduler: clock,
      random,
    };
    this.controllers = [
      new CrdController(),
      new NamespaceController(),
      new GarbageCollector(),
      new ServiceAccountController(),
    ];
    if (simulation) {
      this.controllers.push(
        new KubeletController(),
        new ReplicaSetController(),
        new DeploymentController(),
        new StatefulSetController(),
        new JobController(),
        new HpaController(this.sourceRegistry, {
          external: (namespace, metricName, selector) =>
            this.externalMetrics.list(namespace, metricName, selector),
        }),
        new KedaOperator({
          version: options.kedaVersion ?? DEFAULT_KEDA_VERSION,
          sources: this.sourceRegistry,
        }),
        new EventTtlController(),
      );
    }
    for (const controller of this.controllers) controller.start(context);
    if (simulation) {
      scheduleTimeline(this.plan, {
        clock,
        service,
        registry: this.registry,
        sources: this.sourceRegistry,
        epochMs: this.epochMs,
        log,
      });
    }
  }

  static async create(options: SimClusterOptions = {}): Promise<SimCluster> {
    const cluster = new SimCluster(options);
    await cluster.boot();
    return cluster;
  }

  /** Simulates the scenario's history up to "now", then lets time run (or wait for steps). */
  private async boot(): Promise<void> {
    const clock = this.virtualClock;
    if (!this.ownsClock) return;
    await clock.step(this.historyMs);
    if (!this.steppedAfterBoot && clock.speed === 1 && !clock.paused) {
      // Catch up with the wall clock (the history took real time to compute).
      await clock.step(Math.max(0, Date.now() - clock.nowMs()));
    }
    clock.setStepped(this.steppedAfterBoot);
  }

  /** The virtual clock (step it in tests: `await cluster.clock.step(ms)`). */
  get clock(): VirtualClock {
    return this.virtualClock;
  }

  /** The simulated event sources (what GET/PUT /sim/v1/sources read and change). */
  get sources(): SourceRegistry {
    return this.sourceRegistry;
  }

  /** Node request handler for API paths ('/api/...', '/apis/...', '/version', '/openapi/...'). */
  handleRequest(req: IncomingMessage, res: ServerResponse): void {
    if (this.restarter.isDown) {
      req.socket.destroy();
      return;
    }
    this.faultInjector.handleRequest(req, res, () => this.handler.handle(req, res));
  }

  /** WebSocket upgrade handler for watch paths. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.restarter.isDown) {
      socket.destroy();
      return;
    }
    this.faultInjector.handleUpgrade(req, socket, () => this.handler.upgrade(req, socket, head));
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
      this.tls = undefined;
    } else {
      const tls = generateTlsMaterial([host]);
      // Client certificates are asked for, not required: those the CA signed authenticate their user.
      server = createHttpsServer(
        { key: tls.keyPem, cert: tls.certPem, ca: tls.caPem, requestCert: true, rejectUnauthorized: false },
        requestListener,
      );
      this.caPem = tls.caPem;
      this.tls = tls;
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
    this.restarter.attach(server, { port, host });
    const url = `${options.insecureHttp ? 'http' : 'https'}://${urlHost(host)}:${port}`;
    return this.caPem ? { url, caPem: this.caPem } : { url };
  }

  /** A kubeconfig (YAML) for `url`: context `keda-sim`, namespace default, the admin token by default. */
  kubeconfig(url: string, token: string = this.adminToken): string {
    return buildKubeconfig({ server: url, caPem: this.caPem, token });
  }

  /**
   * A client certificate signed by this cluster's CA (HTTPS only): user `commonName`, groups
   * `organizations`; `system:masters` makes it an admin, any other user may only read.
   */
  issueClientCertificate(commonName: string, organizations: readonly string[] = []): ClientCertificate {
    if (!this.tls) throw new Error('Client certificates need the cluster to listen over HTTPS');
    return issueClientCertificate(this.tls, commonName, organizations);
  }

  /**
   * Ends the open watch streams (HTTP and WebSocket) whose collection path starts with `pathPrefix`
   * (all when omitted); clients see a normal end of stream. Returns how many were ended.
   */
  dropWatches(pathPrefix?: string): number {
    return this.faultInjector.dropWatches(pathPrefix);
  }

  /** Forgets the watch event history: a watch from any resourceVersion issued before now gets 410 Expired. */
  expireHistory(): void {
    this.faultInjector.expireHistory();
  }

  /**
   * Registers the KEDA operator side of external.metrics.k8s.io (undefined: none, then every
   * metrics request fails as KEDA's adapter does when it cannot reach the operator).
   */
  setExternalMetricsProvider(provider: ExternalMetricsProvider | undefined): void {
    this.externalMetrics.setProvider(provider);
  }

  /** The fault settings in force. */
  get faults(): FaultSettings {
    return this.faultInjector.settings;
  }

  /** Replaces the fault settings (omitted fields are off); throws FaultSettingsError when invalid. */
  setFaults(settings: FaultSettingsInput | FaultSettings): FaultSettings {
    return this.faultInjector.configure(settings);
  }

  /**
   * Restart with state kept: every connection and watch is cut, the port stays closed for
   * `downMs`, then the cluster serves again on the same port with the same store (resourceVersions
   * carry on). Resolves once it serves again. A mounted cluster refuses requests while down.
   */
  restart(options: RestartOptions = {}): Promise<void> {
    return this.restarter.restart(options);
  }

  /** What GET /sim/v1/status answers. */
  status(): SimStatus {
    return collectStatus({
      store: this.store,
      registry: this.registry,
      openWatches: this.hub.size,
      startedAtMs: this.startedAtMs,
      restarts: this.restarter.count,
      faults: this.faultInjector.settings,
      injected: this.faultInjector.stats,
    });
  }

  /** The control API's route table: register more `/sim/v1/...` routes here. */
  get controlApi(): ControlApi {
    return this.control;
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
    this.faultInjector.stop();
    this.restarter.detach();
    for (const controller of this.controllers) controller.stop();
    this.sourceRegistry.dispose();
    if (this.ownsClock) this.virtualClock.dispose();
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

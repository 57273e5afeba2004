/**
 * Applies the fault settings: per request (delay, 500 InternalError) in front of the API handler,
 * and on timers (drop every watch, expire the watch history). Every random choice comes from the
 * Random it is given, one draw per decision in request arrival order, so a seeded cluster fails the
 * same requests on every run.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { errors } from '../core/errors.ts';
import type { Random } from '../core/random.ts';
import { sendError } from '../http/respond.ts';
import { NO_FAULTS, parseFaultSettings, type FaultSettings, type FaultSettingsInput } from './settings.ts';

export interface FaultTargets {
  /** Ends the open watches whose collection path `matches`; returns how many. */
  dropWatches(matches: (path: string) => boolean): number;
  /** Forgets the watch history. */
  expireHistory(): void;
}

export interface FaultInjectorOptions {
  random: Random;
  targets: FaultTargets;
  /** Paths never touched by faults (the control API). */
  exempt(pathname: string): boolean;
  log: (line: string) => void;
}

/** Counters since the cluster started. */
export interface FaultCounters {
  failedRequests: number;
  delayedRequests: number;
  watchDrops: number;
  historyExpiries: number;
}

/** What happens to one request. */
export interface FaultDecision {
  fail: boolean;
  delayMs: number;
}

export const INJECTED_ERROR_MESSAGE = 'fault injected by the simulated cluster';

function pathnameOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

export class FaultInjector {
  private current: FaultSettings = NO_FAULTS;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly counters: FaultCounters = {
    failedRequests: 0,
    delayedRequests: 0,
    watchDrops: 0,
    historyExpiries: 0,
  };

  constructor(private readonly options: FaultInjectorOptions) {}

  get settings(): FaultSettings {
    return this.current;
  }

  get stats(): FaultCounters {
    return { ...this.counters };
  }

  /** Replaces the settings (validated; throws FaultSettingsError) and restarts the timers. */
  configure(input: FaultSettingsInput | FaultSettings | undefined): FaultSettings {
    const next = parseFaultSettings(input);
    this.clearTimers();
    this.current = next;
    if (next.dropWatchesEveryMs > 0) {
      this.every(next.dropWatchesEveryMs, () => this.drop((path) => this.targets(path)));
    }
    if (next.expireHistoryEveryMs > 0) {
      this.every(next.expireHistoryEveryMs, () => this.expireHistory());
    }
    return next;
  }

  /** Whether the request and watch faults apply to `pathname`. */
  targets(pathname: string): boolean {
    if (this.options.exempt(pathname)) return false;
    const prefixes = this.current.paths;
    return prefixes.length === 0 || prefixes.some((p) => pathname.startsWith(p));
  }

  /** Draws the fate of one request (undefined: untouched). */
  decide(pathname: string): FaultDecision | undefined {
    if (!this.targets(pathname)) return undefined;
    const { errorRate, delayMs } = this.current;
    const fail = errorRate > 0 && this.options.random.next() < errorRate;
    const [min, max] = delayMs;
    const delay = max > min ? min + this.options.random.int(max - min + 1) : min;
    if (!fail && delay === 0) return undefined;
    return { fail, delayMs: delay };
  }

  /** Serves `req` through `next`, late or not at all, as the settings say. */
  handleRequest(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const decision = this.decide(pathnameOf(req));
    if (!decision) {
      next();
      return;
    }
    this.after(
      decision.delayMs,
      () => res.destroyed || req.socket.destroyed,
      () => {
        if (decision.fail) {
          this.counters.failedRequests++;
          this.options.log(`fault: 500 ${req.method ?? 'GET'} ${req.url ?? ''}`);
          sendError(res, errors.internal(INJECTED_ERROR_MESSAGE));
        } else {
          next();
        }
      },
    );
  }

  /** The same for WebSocket upgrades (a failed upgrade is answered 500 on the socket). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, next: () => void): void {
    const decision = this.decide(pathnameOf(req));
    if (!decision) {
      next();
      return;
    }
    this.after(
      decision.delayMs,
      () => socket.destroyed,
      () => {
        if (!decision.fail) {
          next();
          return;
        }
        this.counters.failedRequests++;
        this.options.log(`fault: 500 WATCH(ws) ${req.url ?? ''}`);
        const body = JSON.stringify(errors.internal(INJECTED_ERROR_MESSAGE).status);
        socket.end(
          'HTTP/1.1 500 Internal Server Error\r\n' +
            'Content-Type: application/json\r\n' +
            `Content-Length: ${Buffer.byteLength(body)}\r\n` +
            'Connection: close\r\n\r\n' +
            body,
        );
      },
    );
  }

  /** Ends the open watches whose collection path starts with `pathPrefix` (all when omitted); returns how many. */
  dropWatches(pathPrefix?: string): number {
    return this.drop((path) => pathPrefix === undefined || path.startsWith(pathPrefix));
  }

  /** Forgets the watch history now. */
  expireHistory(): void {
    this.counters.historyExpiries++;
    this.options.targets.expireHistory();
  }

  stop(): void {
    this.clearTimers();
    this.current = NO_FAULTS;
  }

  private drop(matches: (path: string) => boolean): number {
    const dropped = this.options.targets.dropWatches(matches);
    this.counters.watchDrops += dropped;
    if (dropped > 0) this.options.log(`fault: dropped ${dropped} watch(es)`);
    return dropped;
  }

  private after(delayMs: number, gone: () => boolean, run: () => void): void {
    if (delayMs === 0) {
      run();
      return;
    }
    this.counters.delayedRequests++;
    const timer = setTimeout(() => {
      if (!gone()) run();
    }, delayMs);
    timer.unref();
  }

  private every(ms: number, run: () => void): void {
    const timer = setInterval(run, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
  }
}

/**
 * The simulated cluster's control API (`/sim/v1`, see demo-site/server/sim/README.md), reached
 * through the demo server like the cluster's API: `/clusters/<sim>/sim/v1/...`.
 */

export interface SimSource {
  key: string;
  type: string;
  kind: 'queue' | 'gauge' | 'cron' | 'resource' | string;
  value: number | null;
  failing: boolean;
  failureMessage?: string;
  curve?: { type: string; value?: number } & Record<string, unknown>;
  drain?: { perConsumerPerSecond: number; consumers: { namespace: string; selector: string } };
  consumers?: number;
  /** `ScaledObject orders/orders-processor`, `Workload orders/storefront-api`… */
  usedBy: string[];
}

export interface SimClock {
  now: string;
  nowMs: number;
  speed: number;
  paused: boolean;
  stepped: boolean;
}

export interface SourceChange {
  key: string;
  value?: number;
  curve?: { type: 'constant'; value: number };
  failing?: boolean;
  failureMessage?: string;
}

/** An error answer of the control API: its Status message, verbatim. */
export class SimControlError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export class SimControl {
  constructor(private readonly base: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}/sim/v1${path}`, {
        method,
        headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new SimControlError(0, `The demo server could not be reached: ${String(error)}`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const message = (parsed as { message?: string } | undefined)?.message ?? (text || response.statusText);
      throw new SimControlError(response.status, message);
    }
    return parsed as T;
  }

  sources(): Promise<SimSource[]> {
    return this.call<{ sources: SimSource[] }>('GET', '/sources').then((r) => r.sources);
  }

  changeSource(change: SourceChange): Promise<SimSource> {
    return this.call('PATCH', '/sources', change);
  }

  burst(key: string, amount: number, durationSeconds?: number): Promise<SimSource> {
    return this.call('POST', '/sources/burst', {
      key,
      amount,
      ...(durationSeconds ? { durationSeconds } : {}),
    });
  }

  clock(): Promise<SimClock> {
    return this.call('GET', '/clock');
  }

  setClock(change: { speed?: number; paused?: boolean }): Promise<SimClock> {
    return this.call('PUT', '/clock', change);
  }
}

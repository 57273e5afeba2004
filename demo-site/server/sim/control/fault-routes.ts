/**
 * Control routes of the fault injection: faults (GET/PUT/PATCH), dropping watches, expiring the
 * watch history, restarting, and the status snapshot. Register with `controlApi.register(...)`.
 */
import { errors } from '../core/errors.ts';
import { isObject } from '../core/json.ts';
import { DEFAULT_RESTART_DOWN_MS, MAX_RESTART_DOWN_MS, type RestartOptions } from '../faults/restart.ts';
import {
  FaultSettingsError,
  mergeFaultSettings,
  toJson,
  type FaultSettings,
  type FaultSettingsInput,
} from '../faults/settings.ts';
import { CONTROL_PREFIX, type ControlRoute } from './router.ts';
import type { SimStatus } from './status.ts';

/** What the fault routes drive (SimCluster implements it). */
export interface FaultControlTarget {
  readonly faults: FaultSettings;
  setFaults(input: FaultSettingsInput | FaultSettings): FaultSettings;
  dropWatches(pathPrefix?: string): number;
  expireHistory(): void;
  restart(options?: RestartOptions): Promise<void>;
  status(): SimStatus;
}

function badRequest(error: unknown): never {
  if (error instanceof FaultSettingsError) throw errors.badRequest(error.message);
  throw error;
}

/** An optional JSON object body; anything else is a 400. */
function optionalObject(body: unknown, what: string): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isObject(body)) throw errors.badRequest(`${what} must be a JSON object`);
  return body;
}

export function faultRoutes(target: FaultControlTarget): ControlRoute[] {
  return [
    {
      method: 'GET',
      path: `${CONTROL_PREFIX}/faults`,
      description: 'the fault settings',
      handle: () => ({ body: toJson(target.faults) }),
    },
    {
      method: 'PUT',
      path: `${CONTROL_PREFIX}/faults`,
      description: 'replace the fault settings (omitted fields are off)',
      handle: async (request) => {
        const body = await request.body();
        try {
          return { body: toJson(target.setFaults((body ?? {}) as FaultSettingsInput)) };
        } catch (error) {
          badRequest(error);
        }
      },
    },
    {
      method: 'PATCH',
      path: `${CONTROL_PREFIX}/faults`,
      description: 'change some fault settings (JSON merge)',
      handle: async (request) => {
        const body = await request.body();
        try {
          return { body: toJson(target.setFaults(mergeFaultSettings(target.faults, body ?? {}))) };
        } catch (error) {
          badRequest(error);
        }
      },
    },
    {
      method: 'POST',
      path: `${CONTROL_PREFIX}/watches/drop`,
      description: 'end every open watch now; body {"pathPrefix"?: string}',
      handle: async (request) => {
        const body = optionalObject(await request.body(), 'the drop request');
        const prefix = body.pathPrefix;
        if (prefix !== undefined && (typeof prefix !== 'string' || !prefix.startsWith('/'))) {
          throw errors.badRequest('pathPrefix must be a path starting with "/"');
        }
        return { body: { dropped: target.dropWatches(prefix) } };
      },
    },
    {
      method: 'POST',
      path: `${CONTROL_PREFIX}/history/expire`,
      description: 'forget the watch history: watches resuming from before now get 410 Expired',
      handle: () => {
        target.expireHistory();
        const { resourceVersion, oldestResumableResourceVersion } = target.status();
        return { body: { resourceVersion, oldestResumableResourceVersion } };
      },
    },
    {
      method: 'POST',
      path: `${CONTROL_PREFIX}/restart`,
      description: `restart with state kept; body {"downMs"?: 0..${MAX_RESTART_DOWN_MS}} (default ${DEFAULT_RESTART_DOWN_MS})`,
      handle: async (request) => {
        const body = optionalObject(await request.body(), 'the restart request');
        const downMs = body.downMs ?? DEFAULT_RESTART_DOWN_MS;
        if (
          typeof downMs !== 'number' ||
          !Number.isInteger(downMs) ||
          downMs < 0 ||
          downMs > MAX_RESTART_DOWN_MS
        ) {
          throw errors.badRequest(`downMs must be a whole number from 0 to ${MAX_RESTART_DOWN_MS}`);
        }
        return {
          status: 202,
          body: { restarting: true, downMs },
          // After the answer is out: the restart cuts this connection too.
          afterSend: () => {
            target.restart({ downMs }).catch(() => undefined);
          },
        };
      },
    },
    {
      method: 'GET',
      path: `${CONTROL_PREFIX}/status`,
      description: 'resourceVersion, object counts per kind, open watches, uptime, faults',
      handle: () => ({ body: target.status() }),
    },
  ];
}

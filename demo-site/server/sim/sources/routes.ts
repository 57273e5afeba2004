/**
 * Control routes of the simulated event sources: list them with their current values, change
 * one (value, curve, drain, failing), and add a burst.
 */
import { CONTROL_PREFIX, type ControlRoute } from '../control/router.ts';
import { errors } from '../core/errors.ts';
import { isObject } from '../core/json.ts';
import { curveProblems, type Curve } from './curves.ts';
import { SettingsError, type Drain, type SourceRegistry, type SourceSettings } from './registry.ts';

const FIELDS = new Set(['key', 'value', 'curve', 'drain', 'failing', 'failureMessage']);

function parseDrain(value: unknown, problems: string[]): Drain | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (
    !isObject(value) ||
    typeof value.perConsumerPerSecond !== 'number' ||
    value.perConsumerPerSecond < 0 ||
    !isObject(value.consumers) ||
    typeof value.consumers.namespace !== 'string' ||
    typeof value.consumers.selector !== 'string'
  ) {
    problems.push(
      'drain must be {"perConsumerPerSecond": >=0, "consumers": {"namespace": string, "selector": string}} or null',
    );
    return undefined;
  }
  return {
    perConsumerPerSecond: value.perConsumerPerSecond,
    consumers: { namespace: value.consumers.namespace, selector: value.consumers.selector },
  };
}

/** Validates a change request; `replace` (PUT) turns an omitted `failing` off. */
export function parseSourceChange(
  body: unknown,
  replace: boolean,
): { key: string; settings: SourceSettings & { value?: number } } {
  if (!isObject(body)) throw errors.badRequest('the source change must be a JSON object with a "key"');
  const problems: string[] = [];
  for (const field of Object.keys(body)) if (!FIELDS.has(field)) problems.push(`unknown field "${field}"`);
  if (typeof body.key !== 'string' || !body.key)
    problems.push('key must be the key of a source (see GET /sim/v1/sources)');
  const settings: SourceSettings & { value?: number } = {};
  if (body.value !== undefined) {
    if (typeof body.value !== 'number' || !Number.isFinite(body.value))
      problems.push('value must be a number');
    else settings.value = body.value;
  }
  if (body.curve !== undefined) {
    const p = curveProblems(body.curve);
    if (p.length > 0) problems.push(...p);
    else settings.curve = body.curve as Curve;
  }
  const drain = parseDrain(body.drain, problems);
  if (drain !== undefined) settings.drain = drain;
  if (body.failing !== undefined) {
    if (typeof body.failing !== 'boolean') problems.push('failing must be true or false');
    else settings.failing = body.failing;
  } else if (replace) settings.failing = false;
  if (body.failureMessage !== undefined) {
    if (typeof body.failureMessage !== 'string') problems.push('failureMessage must be a string');
    else settings.failureMessage = body.failureMessage;
  } else if (replace) settings.failureMessage = '';
  if (problems.length > 0) throw errors.badRequest(problems.join('; '));
  return { key: body.key as string, settings };
}

function notFound(error: unknown): never {
  if (error instanceof SettingsError) throw errors.badRequest(error.message);
  throw error;
}

export function sourceRoutes(sources: SourceRegistry): ControlRoute[] {
  const change =
    (replace: boolean): ControlRoute['handle'] =>
    async (request) => {
      const { key, settings } = parseSourceChange(await request.body(), replace);
      try {
        return { body: sources.configure(key, settings) };
      } catch (error) {
        notFound(error);
      }
    };
  return [
    {
      method: 'GET',
      path: `${CONTROL_PREFIX}/sources`,
      description: 'the event sources the triggers read, with their current values (?key= for one)',
      handle: (request) => {
        const key = request.query.get('key');
        if (key === null) return { body: { sources: sources.list() } };
        const one = sources.get(key);
        if (!one) throw errors.badRequest(`source "${key}" not found`);
        return { body: one };
      },
    },
    {
      method: 'PUT',
      path: `${CONTROL_PREFIX}/sources`,
      description:
        'change a source; body {"key", "value"?, "curve"?, "drain"?, "failing"?, "failureMessage"?} (omitted failing = false)',
      handle: change(true),
    },
    {
      method: 'PATCH',
      path: `${CONTROL_PREFIX}/sources`,
      description: 'change some settings of a source; body {"key", …} as for PUT',
      handle: change(false),
    },
    {
      method: 'POST',
      path: `${CONTROL_PREFIX}/sources/burst`,
      description:
        'a burst: a queue gets "amount" more messages, a gauge is that much higher for "durationSeconds" (60)',
      handle: async (request) => {
        const body = await request.body();
        if (
          !isObject(body) ||
          typeof body.key !== 'string' ||
          typeof body.amount !== 'number' ||
          !Number.isFinite(body.amount)
        ) {
          throw errors.badRequest(
            'the burst must be {"key": string, "amount": number, "durationSeconds"?: number}',
          );
        }
        const duration = body.durationSeconds;
        if (duration !== undefined && (typeof duration !== 'number' || duration <= 0)) {
          throw errors.badRequest('durationSeconds must be a positive number');
        }
        try {
          return { body: sources.burst(body.key, body.amount, typeof duration === 'number' ? duration : 60) };
        } catch (error) {
          notFound(error);
        }
      },
    },
  ];
}

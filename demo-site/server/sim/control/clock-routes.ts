/**
 * Control routes of the virtual clock: read it, change its speed or pause it, and step it
 * (timers fire in order, each followed by the controller work it caused).
 */
import { errors } from '../core/errors.ts';
import { isObject } from '../core/json.ts';
import type { VirtualClock } from '../core/virtual-clock.ts';
import { CONTROL_PREFIX, type ControlRoute } from './router.ts';

/** The longest step one request may ask for (virtual seconds). */
export const MAX_STEP_SECONDS = 7 * 24 * 3600;

function objectBody(body: unknown, what: string): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isObject(body)) throw errors.badRequest(`${what} must be a JSON object`);
  return body;
}

export function clockRoutes(clock: VirtualClock): ControlRoute[] {
  return [
    {
      method: 'GET',
      path: `${CONTROL_PREFIX}/clock`,
      description: 'the virtual clock: now, speed, paused, stepped',
      handle: () => ({ body: clock.state() }),
    },
    {
      method: 'PUT',
      path: `${CONTROL_PREFIX}/clock`,
      description: 'change the clock; body {"speed"?: >0, "paused"?: boolean}',
      handle: async (request) => {
        const body = objectBody(await request.body(), 'the clock settings');
        const problems: string[] = [];
        for (const key of Object.keys(body))
          if (key !== 'speed' && key !== 'paused') problems.push(`unknown field "${key}"`);
        const { speed, paused } = body;
        if (
          speed !== undefined &&
          (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > 100_000)
        ) {
          problems.push('speed must be a number above 0 and at most 100000');
        }
        if (paused !== undefined && typeof paused !== 'boolean')
          problems.push('paused must be true or false');
        if (problems.length > 0) throw errors.badRequest(problems.join('; '));
        if (typeof speed === 'number') clock.setSpeed(speed);
        if (typeof paused === 'boolean') clock.setPaused(paused);
        return { body: clock.state() };
      },
    },
    {
      method: 'POST',
      path: `${CONTROL_PREFIX}/clock/step`,
      description: `move virtual time forward; body {"seconds": 0..${MAX_STEP_SECONDS}}`,
      handle: async (request) => {
        const body = objectBody(await request.body(), 'the step request');
        const seconds = body.seconds;
        if (
          typeof seconds !== 'number' ||
          !Number.isFinite(seconds) ||
          seconds < 0 ||
          seconds > MAX_STEP_SECONDS
        ) {
          throw errors.badRequest(`seconds must be a number from 0 to ${MAX_STEP_SECONDS}`);
        }
        await clock.step(seconds * 1000);
        return { body: clock.state() };
      },
    },
  ];
}

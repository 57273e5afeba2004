/**
 * The simulated cluster's one time source: a virtual clock that runs `speed` times faster than
 * real time (or stands still while paused), and timers scheduled in virtual time. In `stepped`
 * mode time moves only when `step` is called: timers then fire in order, each followed by the
 * controller work it caused, so a test replays exactly the same history on every run.
 */
import { settle } from './activity.ts';
import type { Clock } from './clock.ts';

/** Stops a timer. */
export type Cancel = () => void;

/** Timers in virtual time. */
export interface Scheduler {
  /** Calls `fn` every `periodMs` (virtual), first after `firstInMs` (default: one period). */
  every(periodMs: number, fn: () => void, options?: { firstInMs?: number }): Cancel;
  /** Calls `fn` once, `delayMs` (virtual) from now. */
  after(delayMs: number, fn: () => void): Cancel;
}

/** What GET /sim/v1/clock answers. */
export interface ClockState {
  /** RFC 3339 with milliseconds. */
  now: string;
  nowMs: number;
  speed: number;
  paused: boolean;
  /** Time moves only through `step` (tests). */
  stepped: boolean;
  /** Timers waiting to fire. */
  timers: number;
}

export interface VirtualClockOptions {
  /** Where virtual time starts (default: now). */
  start?: Date | number;
  /** Virtual seconds per real second (default 1). */
  speed?: number;
  paused?: boolean;
  /** Time moves only through `step` (default false). */
  stepped?: boolean;
  /** Called with errors thrown by timer callbacks. */
  onError?: (error: unknown) => void;
}

interface Timer {
  id: number;
  due: number;
  periodMs: number | undefined;
  fn: () => void;
}

/** The largest delay setTimeout accepts. */
const MAX_TIMEOUT = 2 ** 31 - 1;

export class VirtualClock implements Clock, Scheduler {
  private anchorVirtual: number;
  private anchorReal: number;
  private speedValue: number;
  private pausedValue: boolean;
  private steppedValue: boolean;
  private timers: Timer[] = [];
  private nextId = 1;
  private realTimer: NodeJS.Timeout | undefined;
  private stepping: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly onError: (error: unknown) => void;

  constructor(options: VirtualClockOptions = {}) {
    const start = options.start ?? Date.now();
    this.anchorVirtual = typeof start === 'number' ? start : start.getTime();
    this.anchorReal = Date.now();
    this.speedValue = validSpeed(options.speed ?? 1);
    this.pausedValue = options.paused ?? false;
    this.steppedValue = options.stepped ?? false;
    this.onError = options.onError ?? (() => {});
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    if (this.steppedValue || this.pausedValue) return this.anchorVirtual;
    return this.anchorVirtual + (Date.now() - this.anchorReal) * this.speedValue;
  }

  get speed(): number {
    return this.speedValue;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  /** Time moves only through `step`. */
  get stepped(): boolean {
    return this.steppedValue;
  }

  /** Switches between stepped and real-time mode (virtual time carries on from where it is). */
  setStepped(stepped: boolean): void {
    this.reanchor();
    this.steppedValue = stepped;
    this.arm();
  }

  /** Sets virtual time (only before any timer is scheduled: a cluster rewinds to simulate history). */
  jumpTo(at: Date | number): void {
    if (this.timers.length > 0) throw new Error('virtual clock: cannot jump while timers are scheduled');
    this.setNow(typeof at === 'number' ? at : at.getTime());
  }

  /** Changes the speed (virtual seconds per real second, > 0). */
  setSpeed(speed: number): void {
    this.reanchor();
    this.speedValue = validSpeed(speed);
    this.arm();
  }

  /** Stops or restarts the flow of time (timers wait while paused; `step` still works). */
  setPaused(paused: boolean): void {
    this.reanchor();
    this.pausedValue = paused;
    this.arm();
  }

  state(): ClockState {
    const nowMs = this.nowMs();
    return {
      now: new Date(nowMs).toISOString(),
      nowMs,
      speed: this.speedValue,
      paused: this.pausedValue,
      stepped: this.steppedValue,
      timers: this.timers.length,
    };
  }

  every(periodMs: number, fn: () => void, options: { firstInMs?: number } = {}): Cancel {
    if (!(periodMs > 0)) throw new Error(`every: invalid period ${periodMs}`);
    return this.add(this.nowMs() + Math.max(0, options.firstInMs ?? periodMs), periodMs, fn);
  }

  after(delayMs: number, fn: () => void): Cancel {
    return this.add(this.nowMs() + Math.max(0, delayMs), undefined, fn);
  }

  /**
   * Moves time forward by `ms`, firing every timer due on the way in order, each followed by the
   * controller work it caused. Calls are serialized.
   */
  step(ms: number): Promise<void> {
    const run = this.stepping.then(() => this.advance(Math.max(0, ms)));
    this.stepping = run.catch(() => {});
    return run;
  }

  /** Fires nothing more and releases the real timer. */
  dispose(): void {
    this.disposed = true;
    this.timers = [];
    this.disarm();
  }

  // -------------------------------------------------------------------------------------------

  private add(due: number, periodMs: number | undefined, fn: () => void): Cancel {
    if (this.disposed) return () => {};
    const timer: Timer = { id: this.nextId++, due, periodMs, fn };
    this.insert(timer);
    if (this.timers[0] === timer) this.arm();
    return () => {
      const i = this.timers.indexOf(timer);
      if (i >= 0) this.timers.splice(i, 1);
      timer.periodMs = undefined;
      timer.fn = () => {};
    };
  }

  /** Sorted by due time, then by creation (ties fire in the order they were scheduled). */
  private insert(timer: Timer): void {
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.timers[mid] as Timer;
      if (t.due < timer.due || (t.due === timer.due && t.id < timer.id)) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
  }

  private fire(timer: Timer, now: number): void {
    this.timers.shift();
    if (timer.periodMs !== undefined) {
      let due = timer.due + timer.periodMs;
      // Behind by more than a period (a slow host at high speed): keep the phase, skip the missed ticks.
      if (due <= now - timer.periodMs) due += Math.ceil((now - due) / timer.periodMs) * timer.periodMs;
      timer.due = due;
      timer.id = this.nextId++;
      this.insert(timer);
    }
    try {
      timer.fn();
    } catch (error) {
      this.onError(error);
    }
  }

  private async advance(ms: number): Promise<void> {
    if (this.disposed) return;
    this.disarm();
    const target = this.nowMs() + ms;
    // Work already queued (e.g. reconciles of objects just written) runs first, at the current time.
    await settle();
    let guard = 0;
    for (;;) {
      if (this.disposed) break;
      const next = this.timers[0];
      if (!next || next.due > target) {
        if (this.nowMs() >= target) break;
        // Reach the target, then look again: the work this runs may schedule timers due by then.
        this.setNow(target);
        await settle();
        continue;
      }
      this.setNow(Math.max(next.due, this.nowMs()));
      this.fire(next, next.due);
      await settle();
      if (++guard > 1_000_000) throw new Error('virtual clock: too many timers in one step');
    }
    this.arm();
  }

  private setNow(ms: number): void {
    this.anchorVirtual = ms;
    this.anchorReal = Date.now();
  }

  private reanchor(): void {
    this.setNow(this.nowMs());
  }

  private disarm(): void {
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = undefined;
  }

  /** Real-time mode: one real timeout for the earliest virtual timer. */
  private arm(): void {
    this.disarm();
    if (this.steppedValue || this.pausedValue || this.disposed) return;
    const next = this.timers[0];
    if (!next) return;
    const delay = Math.min(MAX_TIMEOUT, Math.max(0, (next.due - this.nowMs()) / this.speedValue));
    this.realTimer = setTimeout(() => this.onRealTimer(), Math.ceil(delay));
    this.realTimer.unref();
  }

  private onRealTimer(): void {
    this.realTimer = undefined;
    const now = this.nowMs();
    // Fire what is due now; timers they schedule for "now" wait for the next round.
    const due = this.timers.filter((t) => t.due <= now).length;
    for (let i = 0; i < due; i++) {
      const next = this.timers[0];
      if (!next || next.due > now || this.disposed) break;
      this.fire(next, now);
    }
    this.arm();
  }
}

function validSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0) throw new Error(`invalid speed ${speed} (must be > 0)`);
  return speed;
}

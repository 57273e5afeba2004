/** Keeps track of every open watch so they can all be ended at once (fault injection, shutdown). */
import type { WatchSink } from './sinks.ts';
import { WatchSession, type WatchEnvironment, type WatchSpec } from './session.ts';

export class WatchHub {
  private readonly sessions = new Set<WatchSession>();

  constructor(private readonly env: WatchEnvironment) {}

  /** Opens a watch on `sink` and starts streaming. */
  open(spec: WatchSpec, sink: WatchSink): WatchSession {
    const session = new WatchSession(this.env, spec, sink, (s) => this.sessions.delete(s));
    this.sessions.add(session);
    session.start();
    return session;
  }

  /** Number of open watches. */
  get size(): number {
    return this.sessions.size;
  }

  /** Ends every open watch from the server side (clients see a normal end of stream). */
  dropAll(): void {
    for (const session of [...this.sessions]) session.stop();
  }

  /** Ends the open watches whose spec `matches`; returns how many. */
  dropWhere(matches: (spec: WatchSpec) => boolean): number {
    let dropped = 0;
    for (const session of [...this.sessions]) {
      if (!matches(session.spec)) continue;
      session.stop();
      dropped++;
    }
    return dropped;
  }
}

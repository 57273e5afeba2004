import type { KubeObject, WatchEvent } from '../core/kube/types.js';

/**
 * Splits a watch stream (newline-delimited JSON, arriving in arbitrary chunks) into events.
 * A line that is not JSON is reported, not swallowed: it means the stream is not a watch stream.
 */
export class WatchLineDecoder<T extends KubeObject> {
  private buffer = '';

  constructor(
    private readonly onEvent: (event: WatchEvent<T>) => void,
    private readonly onMalformed: (line: string) => void,
  ) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      if (line) this.emit(line);
      newline = this.buffer.indexOf('\n');
    }
  }

  /** A WebSocket frame is one complete event (possibly newline-terminated). */
  pushMessage(message: string): void {
    for (const line of message.split('\n')) {
      const trimmed = line.trim();
      if (trimmed) this.emit(trimmed);
    }
  }

  end(): void {
    const rest = this.buffer.trim();
    this.buffer = '';
    if (rest) this.emit(rest);
  }

  private emit(line: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      this.onMalformed(line);
      return;
    }
    if (isWatchEvent(parsed)) this.onEvent(parsed as WatchEvent<T>);
    else this.onMalformed(line);
  }
}

function isWatchEvent(value: unknown): value is WatchEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; object?: unknown };
  return typeof v.type === 'string' && typeof v.object === 'object' && v.object !== null;
}

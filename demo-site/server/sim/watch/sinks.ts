/** Where watch events go: a chunked HTTP response or a WebSocket (one text frame per event). */
import type { ServerResponse } from 'node:http';
import { WebSocket } from 'ws';

export interface WatchSink {
  /** Sends one event (a JSON document, without the trailing newline). */
  write(json: string): void;
  /** Ends the stream from the server side. */
  end(): void;
  /** Called once when the stream is gone (client disconnect or end()). */
  onClose(callback: () => void): void;
}

/** Chunked HTTP: headers flushed at once, newline-delimited JSON. */
export function httpWatchSink(res: ServerResponse): WatchSink {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'X-Content-Type-Options': 'nosniff',
  });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
  return {
    write(json) {
      if (!res.writableEnded && !res.destroyed) res.write(`${json}\n`);
    },
    end() {
      if (!res.writableEnded) res.end();
    },
    onClose(callback) {
      // Not req.on('close'): that fires as soon as the request body has been read.
      res.on('close', callback);
    },
  };
}

/** WebSocket: each event is one TEXT frame holding exactly the bytes of the HTTP-stream event. */
export function webSocketWatchSink(ws: WebSocket): WatchSink {
  ws.on('error', () => ws.terminate());
  return {
    write(json) {
      if (ws.readyState === WebSocket.OPEN) ws.send(`${json}\n`, { binary: false });
    },
    end() {
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(1000);
    },
    onClose(callback) {
      ws.on('close', callback);
    },
  };
}

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Library } from '../main/core';
import type { AccessPolicy } from './access';
import type { BridgeLimits } from './limits';
import { retryAfterSeconds, type RateLimiter } from './rateLimit';

export const EVENTS_PATH = '/api/events';
const HEARTBEAT_MS = 15_000;
/** A socket refused for being one too many: the renderer's backoff retries later anyway. */
const SOCKETS_FULL_RETRY_S = 5;

export interface EventSocketGuards {
  access: AccessPolicy;
  limiter: RateLimiter;
  limits: BridgeLimits;
}

const refuse = (socket: Duplex, status: string, headers: Record<string, string> = {}): void => {
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n${extra}Content-Length: 0\r\n\r\n`);
};

/** Pushes every library event to every authorised socket. Clients only listen; commands go over HTTP. */
export const attachEventSocket = (server: Server, library: Library, { access, limiter, limits }: EventSocketGuards): (() => void) => {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.socketMessageBytes });
  const alive = new WeakSet<WebSocket>();

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://placeholder');
    } catch {
      return refuse(socket, '400 Bad Request');
    }
    if (url.pathname !== EVENTS_PATH) return refuse(socket, '404 Not Found');
    if (!access.hostAllowed(request) || !access.originAllowed(request)) return refuse(socket, '403 Forbidden');
    const authorized = access.pageAuthorized(request, url);
    const budget = limiter.take(authorized ? 'pages' : 'anonymous');
    if (!budget.ok) return refuse(socket, '429 Too Many Requests', { 'Retry-After': String(retryAfterSeconds(budget.retryAfterMs)) });
    if (!authorized) return refuse(socket, '401 Unauthorized');
    if (sockets.clients.size >= limits.eventSockets) return refuse(socket, '503 Service Unavailable', { 'Retry-After': String(SOCKETS_FULL_RETRY_S) });
    sockets.handleUpgrade(request, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      ws.on('message', () => ws.close(1008, 'This socket only sends.'));
      // ws reports a message over maxPayload (or a protocol error) as 'error' and closes with 1009/1002
      // itself; without a listener that error would be thrown and take the whole bridge down.
      ws.on('error', () => ws.terminate());
    });
  });

  const unsubscribe = library.events.subscribe((event) => {
    const message = JSON.stringify(event);
    for (const client of sockets.clients) {
      if (client.readyState !== client.OPEN) continue;
      // A client that stopped reading would hold every event in memory; dropped, it reconnects and resyncs.
      if (client.bufferedAmount > limits.socketBufferBytes) {
        client.terminate();
        continue;
      }
      client.send(message);
    }
  });

  // Half-open connections (a laptop lid closed) would otherwise hold their buffers forever.
  const heartbeat = setInterval(() => {
    for (const client of sockets.clients) {
      if (!alive.has(client)) {
        client.terminate();
        continue;
      }
      alive.delete(client);
      client.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return () => {
    clearInterval(heartbeat);
    unsubscribe();
    for (const client of sockets.clients) client.terminate();
    sockets.close();
  };
};

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Library } from '../main/core';
import type { AccessPolicy } from './access';

export const EVENTS_PATH = '/api/events';
const HEARTBEAT_MS = 15_000;

const refuse = (socket: Duplex, status: string): void => {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/** Pushes every library event to every authorised socket. Clients only listen; commands go over HTTP. */
export const attachEventSocket = (server: Server, library: Library, access: AccessPolicy): (() => void) => {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const alive = new WeakSet<WebSocket>();

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (url.pathname !== EVENTS_PATH) return refuse(socket, '404 Not Found');
    if (!access.hostAllowed(request) || !access.originAllowed(request)) return refuse(socket, '403 Forbidden');
    if (!access.pageAuthorized(request, url)) return refuse(socket, '401 Unauthorized');
    sockets.handleUpgrade(request, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      ws.on('message', () => ws.close(1008, 'This socket only sends.'));
    });
  });

  const unsubscribe = library.events.subscribe((event) => {
    const message = JSON.stringify(event);
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message);
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

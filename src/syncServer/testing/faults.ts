import type { Server, Socket } from 'node:net';
import type { FaultRules } from './faultRules';

/**
 * The fault handle tests hold: request-level rules plus an outage. Going down closes the
 * listener and cuts every open connection, so new requests are refused (ECONNREFUSED) and
 * requests in flight lose their answers; coming back listens on the same port again.
 */
export interface SyncServerFaults extends Pick<FaultRules, 'failNext' | 'dropNextResponses' | 'delayNext'> {
  goDown(): Promise<void>;
  comeBack(): Promise<void>;
  /** Down now, back after `ms`; resolves once it listens again. */
  downFor(ms: number): Promise<void>;
  readonly isDown: boolean;
  /** Forgets pending rules (an outage in progress stays). */
  clear(): void;
}

export const trackSockets = (server: Server): Set<Socket> => {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
};

export const createFaults = (server: Server, rules: FaultRules, address: { host: string; port: () => number }): SyncServerFaults => {
  const sockets = trackSockets(server);
  let down = false;
  const goDown = async () => {
    if (down) return;
    down = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
    // One more turn, so a client in the same process has seen its pooled connections close.
    await new Promise((resolve) => setImmediate(resolve));
  };
  const comeBack = async () => {
    if (!down) return;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address.port(), address.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    down = false;
  };
  return {
    failNext: rules.failNext,
    dropNextResponses: rules.dropNextResponses,
    delayNext: rules.delayNext,
    clear: rules.clear,
    goDown,
    comeBack,
    downFor: async (ms) => {
      await goDown();
      await new Promise((resolve) => setTimeout(resolve, ms));
      await comeBack();
    },
    get isDown() {
      return down;
    },
  };
};

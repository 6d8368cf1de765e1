import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenIssuer } from './auth/jwt';
import { createIdempotencyStore } from './extension/idempotency';
import { createRequestHandler } from './http/handleRequest';
import { createRouter } from './http/router';
import { resolveOptions, type ResolvedRateLimits, type SyncServerOptions } from './options';
import { createFixedWindowLimiter } from './rateLimit';
import { buildRoutes } from './routes';
import type { Services } from './services';
import { openDatabase } from './store/schema';
import { findUserByEmail, findUserById, seedUser } from './store/users';
import { createControlRoutes } from './testing/controlRoutes';
import { createFaultRules } from './testing/faultRules';
import { createFaults, type SyncServerFaults } from './testing/faults';
import { createInspection, type SyncServerInspection } from './testing/inspect';
import { createRequestLog, type RequestLog } from './testing/requestLog';

export interface SyncServerHandle {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  port: number;
  host: string;
  extension: boolean;
  /** null when rate limits are off. */
  rateLimits: ResolvedRateLimits | null;
  /** Seeded users with their ids (passwords as given). */
  users: Array<{ id: string; email: string; password: string }>;
  /** A token as login would give, for any lifetime (negative = already expired). */
  issueToken(user: string, options?: { expiresInSeconds?: number }): Promise<string>;
  faults: SyncServerFaults;
  requests: RequestLog;
  db: SyncServerInspection;
  /** Forget every rate-limit window (between test cases). */
  resetRateLimits(): void;
  /** Set only with controlRoutes: the X-Control-Token for /__control. */
  controlToken: string | null;
  close(): Promise<void>;
}

/**
 * Starts the reference Lumiku server: the cloud API of LUMIKU_API.md (quirks included) on
 * loopback, SQLite-backed, with the extension of docs/sync-api.md behind `extension`.
 */
export const startSyncServer = async (input: SyncServerOptions = {}): Promise<SyncServerHandle> => {
  const options = resolveOptions(input, () => randomBytes(32).toString('hex'));
  const db = openDatabase(options.dataFile);
  const users = options.users.map((seed) => ({ ...seedUser(db, seed, options.clock()), password: seed.password }));
  const tokens = createTokenIssuer(options.jwtSecret, options.tokenTtlSeconds, options.clock);
  const limiter = createFixedWindowLimiter(options.clock);
  const services: Services = {
    db,
    options,
    clock: options.clock,
    tokens,
    limiter,
    idempotency: options.extension ? createIdempotencyStore(db, options.idempotencyTtlMs, options.clock) : null,
  };
  const issueToken = async (user: string, expiresInSeconds?: number) => {
    const found = findUserById(db, user) ?? findUserByEmail(db, user);
    if (!found) throw new Error(`No such user: ${user}`);
    return tokens.issue({ userId: found.id, email: found.email }, expiresInSeconds);
  };

  const rules = createFaultRules();
  const requests = createRequestLog();
  const inspection = createInspection(db, options.clock);
  const server = http.createServer();
  let port = options.port;
  const faults = createFaults(server, rules, { host: options.host, port: () => port });
  const controlToken = options.controlRoutes ? randomBytes(16).toString('hex') : null;
  const extra = controlToken
    ? createControlRoutes({ token: controlToken, faults, requests, db: inspection, issueToken })
    : undefined;
  const handler = createRequestHandler({ services, router: createRouter(buildRoutes(options.extension)), faults: rules, log: requests, extra });
  server.on('request', (request, response) => {
    handler(request, response).catch((error: unknown) => {
      console.error('[sync-server] request failed', error);
      response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closed = false;
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    host: options.host,
    extension: options.extension,
    rateLimits: options.rateLimits,
    users: users.map(({ id, email, password }) => ({ id, email, password })),
    issueToken: (user, tokenOptions) => issueToken(user, tokenOptions?.expiresInSeconds),
    faults,
    requests,
    db: inspection,
    resetRateLimits: () => limiter.clear(),
    controlToken,
    close: async () => {
      if (closed) return;
      closed = true;
      rules.clear();
      await faults.goDown();
      db.close();
    },
  };
};

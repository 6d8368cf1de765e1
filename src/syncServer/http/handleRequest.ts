import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeJwt } from 'jose';
import type { Services } from '../services';
import type { FaultRules } from '../testing/faultRules';
import type { LoggedRequest, RequestLog } from '../testing/requestLog';
import type { BodyKind, RequestBody, RequestContext } from './context';
import { readMultipart } from './multipart';
import { drain, readText } from './readBody';
import { HttpFailure, notFoundReply, unhandledReply, type Reply } from './reply';
import type { Router } from './router';

const readBody = async (kind: BodyKind, request: IncomingMessage): Promise<RequestBody> => {
  if (kind === 'json') return { kind, ...(await readText(request)) };
  if (kind === 'multipart') return { kind, form: await readMultipart(request) };
  await drain(request);
  return { kind: 'none' };
};

/** For the log only, when a fault answered before auth ran: whose token it was, unverified. */
const claimedUser = (request: IncomingMessage): string | null => {
  const authorization = request.headers.authorization;
  if (!authorization?.startsWith('Bearer ')) return null;
  try {
    const claim = decodeJwt(authorization.slice(7)).userId;
    return typeof claim === 'string' ? claim : null;
  } catch {
    return null;
  }
};

const write = (response: ServerResponse, reply: Reply, headers: Record<string, string>): void => {
  const isBytes = Buffer.isBuffer(reply.body);
  const payload = isBytes ? (reply.body as Buffer) : Buffer.from(JSON.stringify(reply.body));
  response.writeHead(reply.status, {
    ...headers,
    ...reply.headers,
    'Content-Type': isBytes ? (reply.contentType ?? 'application/octet-stream') : 'application/json; charset=UTF-8',
    'Content-Length': String(payload.length),
  });
  response.end(payload);
};

const finish = (entry: LoggedRequest, reply: Reply, headers: Record<string, string>, now: number): void => {
  entry.status = reply.status;
  entry.respondedAt = now;
  entry.retryAfter = reply.headers?.['Retry-After'] ?? headers['Retry-After'] ?? null;
};

export interface HandlerParts {
  services: Services;
  router: Router;
  faults: FaultRules;
  log: RequestLog;
  /** Routes outside the API (the test-only control surface); null means "not mine". */
  extra?: (request: IncomingMessage, path: string) => Promise<Reply | null>;
}

/**
 * One request: read the body the route expects, let a fault answer or delay it, run the route,
 * then write the answer, or under a drop fault destroy the socket after the route committed.
 */
export const createRequestHandler = (parts: HandlerParts) => async (request: IncomingMessage, response: ServerResponse) => {
  const { services, router, faults, log } = parts;
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = request.method ?? 'GET';
  const key = request.headers['idempotency-key'];
  const extra = parts.extra && (await parts.extra(request, url.pathname));
  if (extra) return write(response, extra, {});
  const entry = log.open({
    method,
    path: url.pathname,
    idempotencyKey: (Array.isArray(key) ? key[0] : key) ?? null,
    receivedAt: services.clock(),
  });
  response.on('close', () => {
    if (entry.outcome === 'pending') entry.outcome = 'aborted';
  });
  const match = router.match(method, url.pathname);
  const context: RequestContext = {
    method,
    path: url.pathname,
    query: url.searchParams,
    params: match?.params ?? {},
    headers: request.headers,
    body: { kind: 'none' },
    userId: null,
    responseHeaders: {},
    replayed: false,
  };
  let reply: Reply;
  try {
    context.body = await readBody(match?.route.body ?? 'none', request);
    const delay = faults.takeDelay(method, url.pathname);
    if (delay > 0) await sleep(delay);
    const forced = faults.takeFailure(method, url.pathname, services.clock());
    if (forced) {
      entry.userId = claimedUser(request);
      entry.outcome = 'faulted';
      finish(entry, forced, {}, services.clock());
      return write(response, forced, {});
    }
    reply = match ? await match.route.handle(context, services) : notFoundReply();
  } catch (error) {
    reply = error instanceof HttpFailure ? error.reply : unhandledReply();
    if (!(error instanceof HttpFailure)) console.error('[sync-server] unhandled error', error);
  }
  entry.userId = context.userId ?? claimedUser(request);
  finish(entry, reply, context.responseHeaders, services.clock());
  if (faults.takeDrop(method, url.pathname)) {
    // The work is committed; the client only loses the answer, as with a connection cut mid-response.
    entry.outcome = 'dropped';
    response.socket?.destroy();
    return;
  }
  entry.outcome = context.replayed ? 'replayed' : 'answered';
  write(response, reply, context.responseHeaders);
};

import type { IncomingMessage } from 'node:http';
import { readText } from '../http/readBody';
import { jsonReply, type Reply } from '../http/reply';
import type { SyncServerInspection } from './inspect';
import type { SyncServerFaults } from './faults';
import type { FaultMatch } from './faultRules';
import type { RequestLog } from './requestLog';

export const CONTROL_PREFIX = '/__control/';

interface ControlParts {
  token: string;
  faults: SyncServerFaults;
  requests: RequestLog;
  db: SyncServerInspection;
  issueToken(user: string, expiresInSeconds?: number): Promise<string>;
}

type Body = Record<string, unknown>;

const matchOf = (body: Body): FaultMatch => ({
  method: typeof body.method === 'string' ? body.method : undefined,
  path: typeof body.pathPattern === 'string' ? new RegExp(body.pathPattern) : typeof body.path === 'string' ? body.path : undefined,
});

const number = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

/**
 * The fault handle over HTTP, for a client under test in another process (started with
 * controlRoutes / --test-control only). Needs the X-Control-Token printed at start.
 */
export const createControlRoutes = (parts: ControlParts) => async (request: IncomingMessage, path: string): Promise<Reply | null> => {
  if (!path.startsWith(CONTROL_PREFIX)) return null;
  const { text } = await readText(request);
  if (request.headers['x-control-token'] !== parts.token) return jsonReply(403, { error: 'Bad control token' });
  let body: Body = {};
  try {
    body = text ? (JSON.parse(text) as Body) : {};
  } catch {
    return jsonReply(400, { error: 'Control bodies are JSON' });
  }
  const action = path.slice(CONTROL_PREFIX.length);
  switch (action) {
    case 'fail':
      parts.faults.failNext(number(body.count, 1), {
        ...matchOf(body),
        status: number(body.status, 500),
        body: body.body,
        retryAfterSeconds: typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : undefined,
      });
      return jsonReply(200, { ok: true });
    case 'drop':
      parts.faults.dropNextResponses(number(body.count, 1), matchOf(body));
      return jsonReply(200, { ok: true });
    case 'delay':
      parts.faults.delayNext(number(body.count, 1), number(body.ms, 1000), matchOf(body));
      return jsonReply(200, { ok: true });
    case 'down':
      // Answer first, then go: the caller learns the outage started.
      setTimeout(() => void parts.faults.downFor(number(body.ms, 1000)), 10);
      return jsonReply(200, { ok: true });
    case 'clear':
      parts.faults.clear();
      parts.requests.clear();
      return jsonReply(200, { ok: true });
    case 'requests':
      return jsonReply(200, { requests: parts.requests.list() });
    case 'credits':
      parts.db.setCreditBalance(String(body.user), number(body.balance, 0));
      return jsonReply(200, { ok: true });
    case 'token':
      return jsonReply(200, { token: await parts.issueToken(String(body.user), typeof body.expiresInSeconds === 'number' ? body.expiresInSeconds : undefined) });
    default:
      return jsonReply(404, { error: 'Unknown control action' });
  }
};

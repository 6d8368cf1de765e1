import { STATUS_CODES } from 'node:http';
import { appErrorBody, jsonReply, type Reply } from '../http/reply';
import { pathMatches } from './requestLog';

export interface FaultMatch {
  method?: string;
  /** Exact path, or a RegExp tested against it. */
  path?: string | RegExp;
}

export interface FailOptions extends FaultMatch {
  status: number;
  /** JSON body; default depends on status (see defaultFailureBody). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sets Retry-After (and, for 429, the cloud's rate-limit body and X-RateLimit-* headers). */
  retryAfterSeconds?: number;
}

interface Rule<T> {
  match: FaultMatch;
  remaining: number;
  value: T;
}

/**
 * Defaults a client must tell apart: 500 is the handler's UNHANDLED_ERROR (retryable), not the
 * `{error: "<field>: ..."}` validation 500 (pass `body` for that); 429 looks like the cloud's limiter.
 */
const failureReply = (options: FailOptions, now: number): Reply => {
  const { status, retryAfterSeconds } = options;
  const headers: Record<string, string> = { ...options.headers };
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  let body = options.body;
  if (body === undefined && status === 429) {
    const retryAfter = retryAfterSeconds ?? 1;
    headers['Retry-After'] = String(retryAfter);
    headers['X-RateLimit-Limit'] ??= '10';
    headers['X-RateLimit-Remaining'] ??= '0';
    headers['X-RateLimit-Reset'] ??= String(Math.ceil(now / 1000) + retryAfter);
    body = { error: 'Rate limit exceeded', message: 'Too many requests. Please wait before trying again.', retryAfter };
  } else if (body === undefined && status === 500) {
    body = appErrorBody(500, 'UNHANDLED_ERROR', 'An unexpected error occurred');
  } else if (body === undefined) {
    body = { error: STATUS_CODES[status] ?? 'Error' };
  }
  return jsonReply(status, body, headers);
};

/** The request-level faults: answer with a status, delay, or drop the answer after the work is done. */
export interface FaultRules {
  failNext(count: number, options: FailOptions): void;
  dropNextResponses(count?: number, match?: FaultMatch): void;
  delayNext(count: number, ms: number, match?: FaultMatch): void;
  clear(): void;
  /** Internal: consumed by the server per request. */
  takeFailure(method: string, path: string, now: number): Reply | null;
  takeDelay(method: string, path: string): number;
  takeDrop(method: string, path: string): boolean;
}

const take = <T>(rules: Rule<T>[], method: string, path: string): T | undefined => {
  const rule = rules.find((candidate) => (!candidate.match.method || candidate.match.method === method) && pathMatches(candidate.match.path, path));
  if (!rule) return undefined;
  rule.remaining -= 1;
  if (rule.remaining <= 0) rules.splice(rules.indexOf(rule), 1);
  return rule.value;
};

export const createFaultRules = (): FaultRules => {
  const failures: Rule<FailOptions>[] = [];
  const delays: Rule<number>[] = [];
  const drops: Rule<true>[] = [];
  const matchOf = (match: FaultMatch = {}): FaultMatch => ({ method: match.method, path: match.path });
  return {
    failNext: (count, options) => {
      if (count > 0) failures.push({ match: matchOf(options), remaining: count, value: options });
    },
    dropNextResponses: (count = 1, match) => {
      if (count > 0) drops.push({ match: matchOf(match), remaining: count, value: true });
    },
    delayNext: (count, ms, match) => {
      if (count > 0) delays.push({ match: matchOf(match), remaining: count, value: ms });
    },
    clear: () => {
      failures.length = 0;
      delays.length = 0;
      drops.length = 0;
    },
    takeFailure: (method, path, now) => {
      const options = take(failures, method, path);
      return options ? failureReply(options, now) : null;
    },
    takeDelay: (method, path) => take(delays, method, path) ?? 0,
    takeDrop: (method, path) => take(drops, method, path) ?? false,
  };
};

import type { ServerResponse } from 'node:http';
import { ErrorCode } from '../shared/errors';
import type { BridgeLimits } from './limits';
import { sendError } from './respond';
import { createTokenBucket, type BucketVerdict, type TokenBucket } from './tokenBucket';

/**
 * Who is asking. The bridge has one client identity per run, its token: keying by connection
 * would be no limit at all (a client opens as many as it likes), and keying by address is
 * useless on loopback. So the buckets are fixed in number and need no eviction.
 */
export type ClientKind = 'commands' | 'pages' | 'anonymous';

export interface RateLimiter {
  take(kind: ClientKind): BucketVerdict;
}

export const createRateLimiter = (limits: BridgeLimits, now: () => number): RateLimiter => {
  const buckets: Record<ClientKind, TokenBucket> = {
    commands: createTokenBucket(limits.commands, now),
    pages: createTokenBucket(limits.pages, now),
    anonymous: createTokenBucket(limits.anonymous, now),
  };
  return { take: (kind) => buckets[kind].take() };
};

/** Whole seconds, at least one: Retry-After has no finer unit, and 0 would invite a retry storm. */
export const retryAfterSeconds = (retryAfterMs: number): number => Math.max(1, Math.ceil(retryAfterMs / 1000));

export const rateLimitedMessage = (retryAfterMs: number): string => {
  const seconds = retryAfterSeconds(retryAfterMs);
  return `Too many requests; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
};

/** 429 with Retry-After and the same envelope every refusal has. */
export const sendRateLimited = (response: ServerResponse, retryAfterMs: number): void => {
  response.setHeader('Retry-After', String(retryAfterSeconds(retryAfterMs)));
  sendError(response, 429, { code: ErrorCode.RATE_LIMITED, message: rateLimitedMessage(retryAfterMs) });
};

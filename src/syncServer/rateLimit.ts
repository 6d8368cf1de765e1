import { HttpFailure, jsonReply } from './http/reply';
import type { RequestContext } from './http/context';

/**
 * The cloud's limiter (rate-limiter.middleware, memory store): a fixed window that starts at a
 * key's first hit; every hit counts, refused ones too; headers on every answer that passes
 * through it; X-RateLimit-Reset in epoch seconds; Retry-After the whole seconds left.
 */
export interface FixedWindowLimiter {
  hit(key: string, max: number, windowMs: number): { count: number; resetTime: number };
  clear(): void;
}

export const createFixedWindowLimiter = (clock: () => number): FixedWindowLimiter => {
  const hits = new Map<string, { count: number; resetTime: number }>();
  return {
    hit: (key, max, windowMs) => {
      const now = clock();
      const existing = hits.get(key);
      if (existing && existing.resetTime > now) {
        existing.count += 1;
        return { ...existing };
      }
      const entry = { count: 1, resetTime: now + windowMs };
      hits.set(key, entry);
      return { ...entry };
    },
    clear: () => hits.clear(),
  };
};

export interface LimitRule {
  key: string;
  max: number;
  windowMs: number;
  message: string;
}

/** Counts the hit, sets the headers on the context, and throws the cloud's 429 past the limit. */
export const enforceLimit = (limiter: FixedWindowLimiter, rule: LimitRule, context: RequestContext, clock: () => number): void => {
  const { count, resetTime } = limiter.hit(`${rule.key}:user:${context.userId}`, rule.max, rule.windowMs);
  context.responseHeaders['X-RateLimit-Limit'] = String(rule.max);
  context.responseHeaders['X-RateLimit-Remaining'] = String(Math.max(0, rule.max - count));
  context.responseHeaders['X-RateLimit-Reset'] = String(Math.ceil(resetTime / 1000));
  if (count <= rule.max) return;
  const retryAfter = Math.ceil((resetTime - clock()) / 1000);
  context.responseHeaders['Retry-After'] = String(retryAfter);
  throw new HttpFailure(jsonReply(429, { error: 'Rate limit exceeded', message: rule.message, retryAfter }));
};

import type { TokenIssuer } from './auth/jwt';
import type { IdempotencyStore } from './extension/idempotency';
import type { ResolvedOptions } from './options';
import type { FixedWindowLimiter } from './rateLimit';
import type { Db } from './store/schema';

/** What every route needs, made once per server. */
export interface Services {
  db: Db;
  options: ResolvedOptions;
  clock: () => number;
  tokens: TokenIssuer;
  limiter: FixedWindowLimiter;
  /** Present only with the extension on. */
  idempotency: IdempotencyStore | null;
}

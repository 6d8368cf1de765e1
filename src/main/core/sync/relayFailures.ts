import { ErrorCode } from '../../../shared/errors';
import type { CloudError } from './cloudClient';
import type { LimitedRoute, Pacer } from './pacer';
import { payloadOf, RowIssue } from './sendContext';
import type { OutboxRow, SyncStore } from './syncStore';

export interface FailureDeps {
  store: SyncStore;
  pacer: Pacer;
  now(): number;
  backoff: { baseMs: number; capMs: number };
  route: LimitedRoute | null;
}

export const backoffMs = (backoff: { baseMs: number; capMs: number }, attempts: number): number =>
  Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(Math.max(attempts, 1) - 1, 16));

/** Rows that went out together (a usage batch) share the outcome. */
const rowsOf = (store: SyncStore, row: OutboxRow): OutboxRow[] => (row.batchKey ? store.rows('batch_key = ?', row.batchKey) : [row]);

/**
 * What a failed send means for the row and for sync as a whole: 401 pauses (auth_required), 402
 * pauses (out_of_credits), 429 waits for Retry-After, a refusal becomes a visible error (never
 * retried), a missing record a conflict, and anything transient is retried with backoff.
 */
/** Returns how long the whole relay waits (an outage, a limit on an unpaced route): order is kept by waiting, not by skipping. */
export const handleFailure = (deps: FailureDeps, row: OutboxRow, error: CloudError | RowIssue): number => {
  const { store, now } = deps;
  // A definite failure committed nothing: the row is as uncertain as it was before this attempt.
  const settle = (fields: Parameters<SyncStore['update']>[1], uncertain = false) =>
    rowsOf(store, row).forEach((one) => store.update(one.seq, { inFlight: uncertain || Boolean(row.inFlight) ? 1 : 0, ...fields }));
  if (error instanceof RowIssue) {
    settle({ status: error.kind, lastError: error.message, payload: JSON.stringify({ ...payloadOf(row), remoteUpdatedAt: error.remoteUpdatedAt }) });
    return 0;
  }
  const failure = error.failure;
  switch (failure.kind) {
    case 'auth':
      settle({});
      store.setMeta('state', 'auth_required');
      store.setMeta('pauseReason', { code: ErrorCode.SYNC_AUTH_REQUIRED, message: 'The Lumiku session expired. Sign in again to continue syncing.' });
      return 0;
    case 'credits':
      settle({});
      if (failure.balance !== null) store.setMeta('creditBalance', failure.balance);
      store.setMeta('state', 'out_of_credits');
      store.setMeta('pauseReason', {
        code: ErrorCode.SYNC_OUT_OF_CREDITS,
        message: `The Lumiku account is out of credits${failure.balance !== null ? ` (balance ${failure.balance})` : ''}. Add credits, then resume sync.`,
      });
      return 0;
    case 'rate': {
      // The same row goes again first, once the route (or, unpaced, everything) may be used again.
      settle({ lastError: failure.message });
      if (deps.route) {
        deps.pacer.blockUntil(deps.route, now() + failure.retryAfterMs);
        return 0;
      }
      return failure.retryAfterMs;
    }
    case 'invalid':
      settle({ status: 'error', lastError: failure.message });
      return 0;
    case 'notFound':
      settle({ status: 'conflict', lastError: `Not found on the server: ${failure.message}` });
      return 0;
    case 'transient': {
      const attempts = row.attempts + 1;
      settle({ attempts, lastError: failure.message }, failure.uncertain);
      if (failure.message.startsWith('Cannot reach')) store.setMeta('state', 'offline');
      return backoffMs(deps.backoff, attempts);
    }
  }
};

import { ErrorCode } from '../../../shared/errors';
import type { CloudError } from './cloudClient';
import type { LimitedRoute, Pacer } from './pacer';
import { RowIssue } from './sendContext';
import type { OutboxRow, SyncStore } from './syncStore';

export interface FailureDeps {
  store: SyncStore;
  pacer: Pacer;
  now(): number;
  backoff: { baseMs: number; capMs: number };
  route: LimitedRoute | null;
}

/** Rows that went out together (a usage batch) share the outcome. */
const rowsOf = (store: SyncStore, row: OutboxRow): OutboxRow[] => (row.batchKey ? store.rows('batch_key = ?', row.batchKey) : [row]);

/**
 * What a failed send means for the row and for sync as a whole: 401 pauses (auth_required), 402
 * pauses (out_of_credits), 429 waits for Retry-After, a refusal becomes a visible error (never
 * retried), a missing record a conflict, and anything transient is retried with backoff.
 */
export const handleFailure = (deps: FailureDeps, row: OutboxRow, error: CloudError | RowIssue): void => {
  const { store, now } = deps;
  // A definite failure committed nothing: the row is as uncertain as it was before this attempt.
  const settle = (fields: Parameters<SyncStore['update']>[1], uncertain = false) =>
    rowsOf(store, row).forEach((one) => store.update(one.seq, { inFlight: uncertain || Boolean(row.inFlight) ? 1 : 0, ...fields }));
  if (error instanceof RowIssue) {
    settle({ status: error.kind, lastError: error.message, payload: JSON.stringify({ remoteUpdatedAt: error.remoteUpdatedAt }) });
    return;
  }
  const failure = error.failure;
  switch (failure.kind) {
    case 'auth':
      settle({});
      store.setMeta('state', 'auth_required');
      store.setMeta('pauseReason', { code: ErrorCode.SYNC_AUTH_REQUIRED, message: 'The Lumiku session expired. Sign in again to continue syncing.' });
      return;
    case 'credits':
      settle({});
      if (failure.balance !== null) store.setMeta('creditBalance', failure.balance);
      store.setMeta('state', 'out_of_credits');
      store.setMeta('pauseReason', {
        code: ErrorCode.SYNC_OUT_OF_CREDITS,
        message: `The Lumiku account is out of credits${failure.balance !== null ? ` (balance ${failure.balance})` : ''}. Add credits, then resume sync.`,
      });
      return;
    case 'rate': {
      const at = now() + failure.retryAfterMs;
      if (deps.route) deps.pacer.blockUntil(deps.route, at);
      settle({ nextAttemptAt: at, lastError: failure.message });
      return;
    }
    case 'invalid':
      settle({ status: 'error', lastError: failure.message });
      return;
    case 'notFound':
      settle({ status: 'conflict', lastError: `Not found on the server: ${failure.message}` });
      return;
    case 'transient': {
      const attempts = row.attempts + 1;
      const delay = Math.min(deps.backoff.capMs, deps.backoff.baseMs * 2 ** Math.min(attempts - 1, 16));
      settle({ attempts, nextAttemptAt: now() + delay, lastError: failure.message }, failure.uncertain);
      if (failure.message.startsWith('Cannot reach')) store.setMeta('state', 'offline');
    }
  }
};

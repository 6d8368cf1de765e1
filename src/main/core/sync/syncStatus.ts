import type { AppErrorShape } from '../../../shared/errors';
import type { SyncState, SyncStatus } from '../../../shared/sync';
import type { Capabilities } from './capabilities';
import type { SyncStore } from './syncStore';

export interface Account {
  email: string;
  name: string | null;
  serverUrl: string;
}

export interface InitialProgress {
  total: number;
  startedAt: number;
  /** Done when the first row of this run was acknowledged, for a measured rate. */
  doneAtStart: number;
}

/**
 * The status every process can compute from the library alone (sync_meta and the outbox), so the
 * app, the bridge and the CLI agree whichever of them relays.
 */
export const readStatus = (store: SyncStore, serverUrl: string, now: number, uploadsPerSecond: number | null): SyncStatus => {
  const account = store.getMeta<Account>('account');
  const caps = store.getMeta<Capabilities>('capabilities');
  const paused = store.getMeta<boolean>('paused') === true;
  const stored = store.getMeta<SyncState>('state');
  const counts = store.counts();
  const serverAcceptsUsage = caps && caps.serverUrl === serverUrl ? caps.extension : null;
  const waitingUsage = serverAcceptsUsage === true ? 0 : counts.usage;
  const active = counts.queued - waitingUsage;
  let state: SyncState;
  if (!account) state = 'signed_out';
  else if (stored === 'auth_required' || stored === 'out_of_credits') state = stored;
  else if (paused) state = 'paused';
  else if (stored === 'offline') state = 'offline';
  else state = active > 0 ? 'syncing' : 'idle';
  return {
    state,
    serverUrl,
    account: account ? { email: account.email, name: account.name } : null,
    creditBalance: store.getMeta<number>('creditBalance'),
    lastSyncAt: store.getMeta<number>('lastSyncAt'),
    queued: counts.queued,
    pendingUsage: waitingUsage,
    serverAcceptsUsage,
    errors: counts.errors,
    conflicts: counts.conflicts,
    paused,
    pauseReason: state === 'auth_required' || state === 'out_of_credits' ? store.getMeta<AppErrorShape>('pauseReason') : null,
    initial: initialOf(store, counts.initialLeft, counts.initialUploadsLeft, now, uploadsPerSecond),
    projectIds: store.enabledProjects(),
  };
};

/**
 * The first sync's progress. The estimate is the slower of the rate limit (uploads left at the
 * cloud's 10/min) and the rate measured so far, so it never promises more than the server allows.
 */
const initialOf = (store: SyncStore, left: number, uploadsLeft: number, now: number, uploadsPerSecond: number | null): SyncStatus['initial'] => {
  const progress = store.getMeta<InitialProgress>('initial');
  if (!progress || left === 0) return null;
  const done = Math.max(0, progress.total - left);
  const byLimit = uploadsPerSecond ? uploadsLeft / uploadsPerSecond : null;
  const elapsed = (now - progress.startedAt) / 1000;
  const measured = done > 0 && elapsed > 0 ? (left * elapsed) / done : null;
  const eta = byLimit === null ? measured : measured === null ? byLimit : Math.max(byLimit, measured);
  return { total: progress.total, done, etaSeconds: eta === null ? null : Math.ceil(eta) };
};

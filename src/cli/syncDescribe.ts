import type { SyncIssue, SyncState, SyncStatus } from '../shared/sync';
import { formatDate, table } from './output';

const STATES: Record<SyncState, string> = {
  signed_out: 'signed out',
  idle: 'up to date',
  syncing: 'syncing',
  paused: 'paused',
  offline: 'offline (retrying)',
  auth_required: 'session expired: run `avatar-creator sync login` again',
  out_of_credits: 'out of Lumiku credits',
};

export const USAGE_NOT_ACCEPTED = 'this server does not accept usage history yet';

export const stateText = (status: SyncStatus): string =>
  status.state === 'out_of_credits' && status.creditBalance !== null ? `${STATES.out_of_credits} (balance ${status.creditBalance})` : STATES[status.state];

export const etaText = (seconds: number | null): string => {
  if (seconds === null) return 'estimating time left';
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `about ${minutes} min left` : `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
};

export const initialText = (initial: NonNullable<SyncStatus['initial']>): string => `${Math.min(initial.done, initial.total)}/${initial.total} avatars sent, ${etaText(initial.etaSeconds)}`;

/** `avatar-creator sync status` as text. */
export const describeSyncStatus = (status: SyncStatus): string => {
  const lines = [`Lumiku sync: ${stateText(status)}`, `Server: ${status.serverUrl}`];
  if (status.account) lines.push(`Account: ${status.account.name ? `${status.account.name} <${status.account.email}>` : status.account.email}`);
  if (status.state === 'signed_out') return [...lines, 'Sign in with `avatar-creator sync login --email <email>`.'].join('\n');
  lines.push(
    `Last sync: ${status.lastSyncAt === null ? 'never' : formatDate(status.lastSyncAt)}`,
    `Queued: ${status.queued}, pending usage: ${status.pendingUsage}, errors: ${status.errors}, conflicts: ${status.conflicts}`,
  );
  if (status.creditBalance !== null) lines.push(`Lumiku balance: ${status.creditBalance} credits`);
  if (status.paused) lines.push(`Paused${status.pauseReason ? `: ${status.pauseReason.message}` : ' (resume with `avatar-creator sync resume`)'}`);
  if (status.initial) lines.push(`First sync: ${initialText(status.initial)}`);
  if (status.serverAcceptsUsage === false) lines.push(`Usage: ${USAGE_NOT_ACCEPTED}; ${status.pendingUsage} record(s) kept here until it does.`);
  lines.push(`Projects synced: ${status.projectIds.length === 0 ? 'none (turn one on with `avatar-creator sync project <id> --on`)' : status.projectIds.join(', ')}`);
  if (status.errors + status.conflicts > 0) lines.push('See `avatar-creator sync issues`.');
  return lines.join('\n');
};

export const issuesTable = (issues: SyncIssue[]): string =>
  issues.length === 0
    ? 'Nothing needs attention.'
    : table(
        ['ID', 'KIND', 'RECORD', 'OPERATION', 'SINCE', 'MESSAGE'],
        issues.map((issue) => [String(issue.id), issue.kind, `${issue.entityType} ${issue.entityId}`, issue.operation, formatDate(issue.createdAt), issue.message]),
      );

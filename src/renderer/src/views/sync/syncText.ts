import type { SyncIssue, SyncState, SyncStatus } from '../../../../shared/sync';
import { plural } from '../../lib/format';

/** How a state looks: `ok` up to date, `busy` working, `warn` waiting on the user or the network, `error` stopped. */
export type SyncTone = 'ok' | 'busy' | 'warn' | 'error' | 'muted';

const LABELS: Record<SyncState, string> = {
  signed_out: 'Signed out',
  idle: 'Up to date',
  syncing: 'Syncing…',
  paused: 'Paused',
  offline: 'Offline, retrying',
  auth_required: 'Sign in again',
  out_of_credits: 'Out of Lumiku credits',
};

const TONES: Record<SyncState, SyncTone> = {
  signed_out: 'muted',
  idle: 'ok',
  syncing: 'busy',
  paused: 'warn',
  offline: 'warn',
  auth_required: 'error',
  out_of_credits: 'error',
};

export const syncStateLabel = (state: SyncState): string => LABELS[state];
export const syncTone = (state: SyncState): SyncTone => TONES[state];

/** The chip's words: the balance goes with "out of credits", so the user sees what the cloud said. */
export const syncChipText = (status: Pick<SyncStatus, 'state' | 'creditBalance'>): string =>
  status.state === 'out_of_credits' && status.creditBalance !== null ? `${LABELS.out_of_credits} (balance ${status.creditBalance})` : LABELS[status.state];

/** A short, honest duration: never more precise than the rate limits allow. */
export const formatEta = (seconds: number | null): string => {
  if (seconds === null) return 'estimating time left…';
  if (seconds <= 0) return 'almost done';
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${plural(minutes, 'minute')} left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${plural(hours, 'hour')}${rest ? ` ${plural(rest, 'minute')}` : ''} left`;
};

export interface InitialProgress {
  percent: number;
  text: string;
}

/** The first sync of existing avatars: a bar's value and its line ("12 of 40 avatars sent · about 3 minutes left"). */
export const initialProgress = (initial: SyncStatus['initial'], paused = false): InitialProgress | null => {
  if (!initial || initial.total <= 0) return null;
  const done = Math.min(initial.done, initial.total);
  const percent = Math.floor((done / initial.total) * 100);
  const sent = `${done.toLocaleString()} of ${plural(initial.total, 'avatar')} sent`;
  return { percent, text: paused ? `${sent} · paused` : `${sent} · ${formatEta(initial.etaSeconds)}` };
};

export const USAGE_NOT_ACCEPTED = 'This server does not accept usage history yet.';

/** Usage waiting: how many, and why when the server has no usage route. Null when there is nothing to say. */
export const pendingUsageText = (status: Pick<SyncStatus, 'pendingUsage' | 'serverAcceptsUsage'>): string | null => {
  if (status.serverAcceptsUsage === false)
    return `${USAGE_NOT_ACCEPTED} ${status.pendingUsage === 0 ? 'Usage records will be' : `${plural(status.pendingUsage, 'usage record')} ${status.pendingUsage === 1 ? 'is' : 'are'}`} kept on this computer and sent once it does.`;
  if (status.pendingUsage > 0) return `${plural(status.pendingUsage, 'usage record')} waiting to be sent.`;
  return null;
};

/** Whether the user can pause, resume or ask for a sync now in this state. */
export const syncActions = (status: Pick<SyncStatus, 'state' | 'paused'>): { pause: boolean; resume: boolean; now: boolean } => {
  const signedIn = status.state !== 'signed_out' && status.state !== 'auth_required';
  return {
    pause: signedIn && !status.paused && status.state !== 'out_of_credits',
    resume: signedIn && (status.paused || status.state === 'out_of_credits'),
    now: signedIn && !status.paused && status.state !== 'out_of_credits',
  };
};

export const isSignedIn = (status: SyncStatus | null): status is SyncStatus => status !== null && status.state !== 'signed_out';

/** What a project's toggle says next to it. */
export const projectSyncText = (status: SyncStatus | null, projectId: string): string | null => {
  if (!isSignedIn(status)) return null;
  if (!status.projectIds.includes(projectId)) return 'Not synced';
  if (status.state === 'idle') return 'Synced';
  return syncChipText(status);
};

const ENTITY: Record<SyncIssue['entityType'], string> = { project: 'Project', avatar: 'Avatar', usage: 'Usage record' };
const OPERATION: Record<SyncIssue['operation'], string> = { create: 'sending', update: 'updating', delete: 'deleting', usage: 'sending usage of' };

/** "Avatar av_123: refused while sending" / "changed on Lumiku since the last sync". */
export const issueTitle = (issue: SyncIssue): string =>
  issue.kind === 'conflict'
    ? `${ENTITY[issue.entityType]} ${issue.entityId} changed on Lumiku and here`
    : `${ENTITY[issue.entityType]} ${issue.entityId}: refused while ${OPERATION[issue.operation]} it`;

/** The sync status's counts as one line, for the top bar's tooltip. */
export const syncSummary = (status: SyncStatus): string => {
  const parts = [syncChipText(status)];
  if (status.queued > 0) parts.push(`${status.queued.toLocaleString()} queued`);
  if (status.errors > 0) parts.push(plural(status.errors, 'error'));
  if (status.conflicts > 0) parts.push(plural(status.conflicts, 'conflict'));
  return parts.join(' · ');
};

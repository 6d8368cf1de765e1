import { describe, expect, it } from 'vitest';
import type { SyncIssue, SyncStatus } from '../../src/shared/sync';
import { loginProblems } from '../../src/renderer/src/views/sync/syncLogin';
import { createSyncStore } from '../../src/renderer/src/views/sync/syncStore';
import { USAGE_NOT_ACCEPTED, formatEta, initialProgress, issueTitle, pendingUsageText, projectSyncText, syncActions, syncChipText, syncSummary } from '../../src/renderer/src/views/sync/syncText';

const status = (change: Partial<SyncStatus> = {}): SyncStatus => ({
  state: 'idle',
  serverUrl: 'http://127.0.0.1:4000',
  account: { email: 'ana@example.com', name: 'Ana' },
  creditBalance: 100,
  lastSyncAt: 1_700_000_000_000,
  queued: 0,
  pendingUsage: 0,
  serverAcceptsUsage: true,
  errors: 0,
  conflicts: 0,
  paused: false,
  pauseReason: null,
  initial: null,
  projectIds: [],
  ...change,
});

describe('the sync status in words', () => {
  it('shows the balance with out of credits, and each state by name', () => {
    expect(syncChipText(status({ state: 'out_of_credits', creditBalance: 1 }))).toBe('Out of Lumiku credits (balance 1)');
    expect(syncChipText(status({ state: 'out_of_credits', creditBalance: null }))).toBe('Out of Lumiku credits');
    expect(syncChipText(status({ state: 'auth_required' }))).toBe('Sign in again');
    expect(syncChipText(status())).toBe('Up to date');
    expect(syncSummary(status({ state: 'syncing', queued: 12, errors: 1, conflicts: 2 }))).toBe('Syncing… · 12 queued · 1 error · 2 conflicts');
  });

  it('estimates time left no more precisely than the rate limits allow', () => {
    expect(formatEta(null)).toBe('estimating time left…');
    expect(formatEta(0)).toBe('almost done');
    expect(formatEta(30)).toBe('less than a minute left');
    expect(formatEta(60 * 4 + 10)).toBe('about 4 minutes left');
    expect(formatEta(3600 * 2 + 60 * 5)).toBe('about 2 hours 5 minutes left');
    expect(formatEta(3600)).toBe('about 1 hour left');
  });

  it('turns the first sync into a bar and a line, and says when it is paused', () => {
    expect(initialProgress(null)).toBeNull();
    expect(initialProgress({ total: 0, done: 0, etaSeconds: null })).toBeNull();
    expect(initialProgress({ total: 40, done: 12, etaSeconds: 180 })).toEqual({ percent: 30, text: '12 of 40 avatars sent · about 3 minutes left' });
    expect(initialProgress({ total: 3, done: 5, etaSeconds: 0 })?.percent).toBe(100);
    expect(initialProgress({ total: 40, done: 12, etaSeconds: 180 }, true)?.text).toBe('12 of 40 avatars sent · paused');
  });

  it('says why usage waits when the server has no usage route', () => {
    expect(pendingUsageText({ pendingUsage: 3, serverAcceptsUsage: false })).toBe(`${USAGE_NOT_ACCEPTED} 3 usage records are kept on this computer and sent once it does.`);
    expect(pendingUsageText({ pendingUsage: 1, serverAcceptsUsage: false })).toContain('1 usage record is kept');
    expect(pendingUsageText({ pendingUsage: 0, serverAcceptsUsage: false })).toContain(USAGE_NOT_ACCEPTED);
    expect(pendingUsageText({ pendingUsage: 2, serverAcceptsUsage: true })).toBe('2 usage records waiting to be sent.');
    expect(pendingUsageText({ pendingUsage: 0, serverAcceptsUsage: null })).toBeNull();
  });

  it('offers Pause, Resume and Sync now only where they mean something', () => {
    expect(syncActions(status())).toEqual({ pause: true, resume: false, now: true });
    expect(syncActions(status({ state: 'paused', paused: true }))).toEqual({ pause: false, resume: true, now: false });
    expect(syncActions(status({ state: 'out_of_credits', paused: true }))).toEqual({ pause: false, resume: true, now: false });
    expect(syncActions(status({ state: 'auth_required', paused: true }))).toEqual({ pause: false, resume: false, now: false });
    expect(syncActions(status({ state: 'signed_out', account: null }))).toEqual({ pause: false, resume: false, now: false });
  });

  it('gives each project its own state', () => {
    expect(projectSyncText(null, 'prj_1')).toBeNull();
    expect(projectSyncText(status({ state: 'signed_out' }), 'prj_1')).toBeNull();
    expect(projectSyncText(status(), 'prj_1')).toBe('Not synced');
    expect(projectSyncText(status({ projectIds: ['prj_1'] }), 'prj_1')).toBe('Synced');
    expect(projectSyncText(status({ projectIds: ['prj_1'], state: 'syncing' }), 'prj_1')).toBe('Syncing…');
  });

  it('names each issue', () => {
    const issue: SyncIssue = { id: 1, kind: 'error', entityType: 'avatar', entityId: 'av_1', operation: 'create', message: 'name: Required', localUpdatedAt: null, remoteUpdatedAt: null, createdAt: 1 };
    expect(issueTitle(issue)).toBe('Avatar av_1: refused while sending it');
    expect(issueTitle({ ...issue, kind: 'conflict', operation: 'update', entityType: 'project' })).toBe('Project av_1 changed on Lumiku and here');
  });
});

describe('the sign-in form’s checks', () => {
  it('checks each field as the contract would, never trimming the password', () => {
    expect(loginProblems({ serverUrl: 'http://127.0.0.1:4000', email: ' ana@example.com ', password: ' x ' })).toEqual({});
    expect(loginProblems({ serverUrl: 'lumiku', email: 'ana', password: '' })).toEqual({
      serverUrl: 'Enter a full address, like https://lumiku.com.',
      email: 'Enter a valid email address.',
      password: 'Enter your password.',
    });
    expect(loginProblems({ serverUrl: 'ftp://x.org', email: '', password: 'p'.repeat(201) })).toEqual({
      serverUrl: 'Use an http:// or https:// address.',
      email: 'Enter your account’s email.',
      password: 'At most 200 characters.',
    });
  });
});

describe('the shared sync status', () => {
  const fakeTransport = () => {
    const listeners = new Map<string, (payload: any) => void>();
    let resync = () => {};
    let answer: (value: unknown) => void = () => {};
    const transport = {
      invoke: () => new Promise<any>((resolve) => (answer = resolve)),
      on: (name: string, listener: (payload: any) => void) => (listeners.set(name, listener), () => {}),
      onResync: (listener: () => void) => ((resync = listener), () => {}),
    };
    return { transport: transport as any, push: (value: SyncStatus) => listeners.get('sync.changed')!({ status: value }), answer: (value: unknown) => answer(value), resync: () => resync() };
  };

  it('loads once, follows sync.changed, and drops a snapshot an event overtook', async () => {
    const fake = fakeTransport();
    const store = createSyncStore(fake.transport);
    fake.push(status({ state: 'syncing' }));
    fake.answer({ ok: true, value: status({ state: 'idle' }) });
    await Promise.resolve();
    expect(store.getState().status?.state).toBe('syncing');
    fake.resync();
    fake.answer({ ok: false, error: { code: 'UNSUPPORTED', message: 'Sync is not built yet.' } });
    await Promise.resolve();
    expect(store.getState()).toMatchObject({ status: { state: 'syncing' }, error: { code: 'UNSUPPORTED' } });
    store.apply(status({ state: 'paused', paused: true }));
    expect(store.getState()).toMatchObject({ status: { state: 'paused' }, error: null });
  });
});

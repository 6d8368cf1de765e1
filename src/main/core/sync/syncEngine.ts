import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { SyncIssue, SyncStatus } from '../../../shared/sync';
import type { ImageStore } from '../images/imageStore';
import { forgetPrepared } from './avatarSender';
import { CloudClient, CloudError } from './cloudClient';
import { CLOUD_RATE_LIMITS, type LimitedRoute, type RouteLimit } from './pacer';
import { Relay } from './relay';
import { SESSION_ENV, type SessionVault } from './sessionVault';
import { listIssues, setProjectSync, takeTheirs } from './syncActions';
import { readStatus, type Account } from './syncStatus';
import { payloadOf } from './sendContext';
import { SyncStore, type OutboxRow } from './syncStore';

export interface SyncEngineOptions {
  sqlite: Database.Database;
  images: ImageStore;
  libraryDir: string;
  vault: SessionVault;
  /** The setting (sync.serverUrl), read live. */
  serverUrl(): string;
  /** Login with another server URL stores it as the setting. */
  setServerUrl?(url: string): void;
  fetch?: typeof fetch;
  now(): number;
  /** Relay in this process (the app, the web bridge); others only write the outbox. */
  relay: boolean;
  /** The cloud's limits as paced (default CLOUD_RATE_LIMITS); null: no pacing. */
  limits?: Record<LimitedRoute, RouteLimit> | null;
  pollMs?: number;
  backoff?: { baseMs: number; capMs: number };
  leaseMs?: number;
  /** Sync's status changed: the library records it in the change feed (sync.changed in every process). */
  changed(): void;
  log(message: string, error?: unknown): void;
}

const CHANGE_THROTTLE_MS = 200;

/** The sync client: sign-in, opt-in, status and issues; the relay does the sending. */
export class SyncEngine {
  readonly store: SyncStore;
  readonly relay: Relay;
  private changeTimer: NodeJS.Timeout | null = null;
  private readonly limits: Record<LimitedRoute, RouteLimit> | null;

  constructor(private readonly options: SyncEngineOptions) {
    this.store = new SyncStore(options.sqlite);
    this.limits = options.limits === undefined ? CLOUD_RATE_LIMITS : options.limits;
    this.relay = new Relay({
      sqlite: options.sqlite,
      images: options.images,
      outgoingDir: path.join(options.libraryDir, 'sync-outgoing'),
      cloud: (signal) => {
        const fetchImpl = this.options.fetch ?? fetch;
        return new CloudClient(this.options.serverUrl(), (input, init) => fetchImpl(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }));
      },
      token: () => options.vault.get(),
      now: options.now,
      owner: `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
      limits: this.limits,
      leaseMs: options.leaseMs,
      pollMs: options.pollMs,
      backoff: options.backoff,
      onChange: () => this.changed(),
      log: options.log,
    });
  }

  start(): void {
    if (this.options.relay) this.relay.start();
  }

  async stop(): Promise<void> {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = null;
    await this.relay.stop();
  }

  /** New local work (any process): the relay looks at the outbox now instead of at its next poll. */
  wake(): void {
    this.relay.wake();
  }

  cloud(url = this.options.serverUrl()): CloudClient {
    return new CloudClient(url, this.options.fetch ?? fetch);
  }

  status(): SyncStatus {
    const upload = this.limits?.upload;
    const status = readStatus(this.store, this.options.serverUrl(), this.options.now(), upload ? (upload.max * 1000) / upload.windowMs : null);
    // Signed in once, but this relaying process holds no session (the bridge keeps it in memory only): say so, not "syncing".
    return this.options.relay ? this.withoutSession(status) : status;
  }

  private withoutSession(status: SyncStatus): SyncStatus {
    if (!status.account || status.state === 'auth_required' || this.options.vault.get()) return status;
    const message = this.options.relay
      ? 'Sign in to Lumiku again: this session was not kept.'
      : `This process holds no Lumiku session: sign in first, or set ${SESSION_ENV}.`;
    return { ...status, state: 'auth_required', pauseReason: { code: ErrorCode.SYNC_AUTH_REQUIRED, message } };
  }

  /** Coalesced: a burst of acknowledgements makes one sync.changed. */
  changed(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null;
      this.options.changed();
    }, CHANGE_THROTTLE_MS);
    this.changeTimer.unref?.();
  }

  private notifyNow(): SyncStatus {
    this.options.changed();
    this.relay.wake();
    return this.status();
  }

  async login({ serverUrl, email, password }: { serverUrl?: string; email: string; password: string }): Promise<SyncStatus> {
    const url = (serverUrl ?? this.options.serverUrl()).replace(/\/+$/, '');
    let body: Record<string, unknown>;
    try {
      ({ body } = await this.cloud(url).request('POST', '/api/auth/login', { json: { email, password } }));
    } catch (error) {
      const failure = error instanceof CloudError ? error.failure : null;
      // The cloud answers wrong credentials with a 500, like a broken server: ask the user to check them, never loop.
      if (failure && failure.kind !== 'transient') throw new AppError(ErrorCode.SYNC_AUTH_FAILED, 'Could not sign in to Lumiku: check the email and password.');
      if (failure?.kind === 'transient' && !failure.message.startsWith('Cannot reach'))
        throw new AppError(ErrorCode.SYNC_AUTH_FAILED, 'Could not sign in to Lumiku (check the email and password, or try again later).');
      throw new AppError(ErrorCode.SYNC_UNAVAILABLE, `Could not reach the Lumiku server at ${url}.`);
    }
    const data = body.data as { token?: string; user?: { email?: string; name?: string | null; creditBalance?: number } } | undefined;
    if (!data?.token) throw new AppError(ErrorCode.SYNC_UNAVAILABLE, 'The Lumiku server answered the sign-in without a session.');
    if (url !== this.options.serverUrl()) this.options.setServerUrl?.(url);
    this.options.vault.set(data.token);
    const account: Account = { email: data.user?.email ?? email, name: data.user?.name ?? null, serverUrl: url };
    const previous = this.store.getMeta<Account>('account');
    this.options.sqlite.transaction(() => {
      // Another account or server: the cloud ids known belong to the old one. Start over: every opted-in project syncs anew.
      if (previous && (previous.email.toLowerCase() !== account.email.toLowerCase() || previous.serverUrl !== url)) this.startOver();
      this.store.setMeta('account', account);
      if (typeof data.user?.creditBalance === 'number') this.store.setMeta('creditBalance', data.user.creditBalance);
      if (this.store.getMeta<string>('state') === 'auth_required') this.store.setMeta('state', null);
      this.store.setMeta('pauseReason', null);
    })();
    return this.notifyNow();
  }

  private startOver(): void {
    const projects = this.store.enabledProjects();
    this.store.sqlite.prepare('DELETE FROM sync_map').run();
    this.store.sqlite.prepare('DELETE FROM sync_outbox').run();
    for (const key of ['capabilities', 'creditBalance', 'lastSyncAt', 'initial', 'state']) this.store.setMeta(key, null);
    for (const projectId of projects) {
      setProjectSync(this.store, projectId, false, this.options.now());
      setProjectSync(this.store, projectId, true, this.options.now());
    }
  }

  logout(): SyncStatus {
    this.options.vault.clear();
    this.options.sqlite.transaction(() => {
      this.store.setMeta('account', null);
      this.store.setMeta('state', null);
      this.store.setMeta('pauseReason', null);
    })();
    return this.notifyNow();
  }

  /** Sends now: wakes this process's relay, or (the CLI) relays here until nothing more can go. */
  async syncNow(maxWaitMs?: number): Promise<SyncStatus> {
    if (this.store.getMeta<string>('state') === 'offline') this.store.setMeta('state', null);
    // "Sync now" also asks the server again whether it takes usage history.
    if (this.relay.capabilities()?.extension !== true) this.store.setMeta('capabilities', null);
    this.store.sqlite.prepare(`UPDATE sync_outbox SET next_attempt_at = NULL WHERE status = 'pending'`).run();
    if (this.options.relay) this.relay.retryNow();
    else await this.relay.drain(maxWaitMs);
    // A one-shot process (the CLI) without a session cannot send: say so rather than "syncing" forever.
    return this.withoutSession(this.notifyNow());
  }

  pause(): SyncStatus {
    this.store.setMeta('paused', true);
    return this.notifyNow();
  }

  /** Resumes a user pause, and an out-of-credits stop (the user says credits were added). */
  resume(): SyncStatus {
    this.options.sqlite.transaction(() => {
      this.store.setMeta('paused', null);
      if (this.store.getMeta<string>('state') === 'out_of_credits') {
        this.store.setMeta('state', null);
        this.store.setMeta('pauseReason', null);
      }
    })();
    return this.notifyNow();
  }

  setProject(projectId: string, enabled: boolean): SyncStatus {
    setProjectSync(this.store, projectId, enabled, this.options.now());
    return this.notifyNow();
  }

  issues(): SyncIssue[] {
    return listIssues(this.store);
  }

  async resolve(issueId: number, resolution: 'keep_mine' | 'take_theirs' | 'retry' | 'discard'): Promise<SyncStatus> {
    const row = this.store.row(issueId);
    if (!row || (row.status !== 'error' && row.status !== 'conflict')) throw new AppError(ErrorCode.NOT_FOUND, 'No such sync issue (it may be resolved already).');
    const rows = row.batchKey ? this.store.rows('batch_key = ?', row.batchKey) : [row];
    if (resolution === 'discard') {
      this.options.sqlite.transaction(() => rows.forEach((one) => this.store.ack(one.seq)))();
      await Promise.all(rows.map((one) => forgetPrepared(path.join(this.options.libraryDir, 'sync-outgoing'), one.idempotencyKey)));
    } else if (resolution === 'take_theirs') {
      const token = this.options.vault.get();
      if (!token) throw new AppError(ErrorCode.SYNC_AUTH_REQUIRED, 'Sign in to Lumiku to take the server’s version.');
      await takeTheirs(this.store, this.cloud(), token, row, this.options.now());
    } else {
      // What an earlier send carried stays: a re-send must repeat it exactly (and a sent batch keeps its rows).
      const payload = (one: OutboxRow) => JSON.stringify({ sent: payloadOf(one).sent, ...(resolution === 'keep_mine' && { force: true }) });
      this.options.sqlite.transaction(() =>
        rows.forEach((one) =>
          this.store.update(one.seq, { status: 'pending', attempts: 0, nextAttemptAt: null, lastError: null, payload: payload(one), ...(!one.inFlight && { batchKey: null }) }),
        ),
      )();
    }
    return this.notifyNow();
  }
}

import type Database from 'better-sqlite3';
import type { ImageStore } from '../images/imageStore';
import { discoverCapabilities, type Capabilities } from './capabilities';
import { CloudError, type CloudClient } from './cloudClient';
import { Pacer, type LimitedRoute, type RouteLimit } from './pacer';
import { backoffMs, handleFailure, type FailureDeps } from './relayFailures';
import { sendAvatar } from './avatarSender';
import { sendProject } from './projectSender';
import { NotYet, RowIssue, type SendContext } from './sendContext';
import { SyncStore, type OutboxRow } from './syncStore';
import { sendUsage, UsageRouteGone } from './usageSender';

export interface RelayOptions {
  sqlite: Database.Database;
  images: ImageStore;
  outgoingDir: string;
  /** The cloud at the current server URL; `signal` aborts its requests when the relay stops. */
  cloud(signal: AbortSignal): CloudClient;
  token(): string | null;
  now(): number;
  owner: string;
  /** The cloud's limits as this client paces them; null: no pacing (a server without limits). */
  limits: Record<LimitedRoute, RouteLimit> | null;
  leaseMs?: number;
  pollMs?: number;
  backoff?: { baseMs: number; capMs: number };
  /** How often a server without the extension is asked again whether it has it now. */
  recheckCapabilitiesMs?: number;
  onChange(): void;
  log(message: string, error?: unknown): void;
}

export const routeOf = (row: OutboxRow): LimitedRoute | null =>
  row.operation !== 'create' ? null : row.entityType === 'avatar' ? 'upload' : row.entityType === 'project' ? 'projectCreate' : null;

/**
 * Drains the outbox to the cloud, oldest row first, one request at a time: a row leaves only after a
 * 2xx. Only the process holding the lease relays; the others just write the outbox.
 */
export class Relay {
  readonly store: SyncStore;
  readonly pacer: Pacer;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  /** Another process relays (holds the lease): this one only writes the outbox. */
  private leaseHeldElsewhere = false;
  /** Stopping cuts a request in flight: its row stays in flight and is checked at the next start, as after a crash. */
  private abort = new AbortController();
  /** Nothing is sent before this: an outage's backoff, or Retry-After on a route the pacer does not know. */
  private notBefore = { at: 0, retryAfter: false };

  constructor(private readonly options: RelayOptions) {
    this.store = new SyncStore(options.sqlite);
    this.pacer = new Pacer(options.limits, options.now);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.loop = (async () => {
      while (this.running) {
        let waitMs: number;
        try {
          waitMs = await this.step();
        } catch (error) {
          this.options.log('sync relay step failed', error);
          waitMs = this.options.pollMs ?? 1000;
        }
        if (waitMs > 0 && this.running) await this.sleep(waitMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    this.wake();
    await this.loop;
    this.loop = null;
    this.store.releaseLease(this.options.owner);
  }

  wake(): void {
    this.wakeUp?.();
  }

  /** "Sync now": an outage's backoff is cut short (a Retry-After is not). */
  retryNow(): void {
    if (!this.notBefore.retryAfter) this.notBefore = { at: 0, retryAfter: false };
    this.wake();
  }

  /** Sends until nothing is left that can go now (the CLI's `sync now`); returns when blocked or done. */
  async drain(maxWaitMs = 60_000): Promise<void> {
    try {
      await this.drainUntil(this.options.now() + maxWaitMs);
    } finally {
      // A one-shot relay (the CLI) lets the app or the bridge take over at once.
      if (!this.running) this.store.releaseLease(this.options.owner);
    }
  }

  private async drainUntil(until: number): Promise<void> {
    while (this.options.now() < until) {
      const waitMs = await this.step();
      if (waitMs === 0) continue;
      // The app or the bridge relays already; it sends what this process queued.
      if (this.leaseHeldElsewhere) return;
      const next = this.store.next(this.options.now(), this.capabilities()?.extension === true);
      if (!next || this.blocked()) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, 1000)));
    }
  }

  capabilities(): Capabilities | null {
    return this.store.getMeta<Capabilities>('capabilities');
  }

  private blocked(): boolean {
    const state = this.store.getMeta<string>('state');
    return this.store.getMeta<boolean>('paused') === true || state === 'auth_required' || state === 'out_of_credits' || !this.options.token();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async refreshCapabilities(cloud: CloudClient): Promise<Capabilities> {
    const now = this.options.now();
    const known = this.capabilities();
    // Off: asked again now and then (the platform may add the extension); unknown (server down, 5xx): with the backoff.
    const recheckMs = known?.extension === null ? (this.options.backoff?.capMs ?? 30_000) : (this.options.recheckCapabilitiesMs ?? 10 * 60_000);
    const stale = !known || known.serverUrl !== cloud.baseUrl || (known.extension !== true && now - known.checkedAt > recheckMs);
    if (!stale) return known;
    const found = await discoverCapabilities(cloud, now);
    this.store.setMeta('capabilities', found);
    if (found.extension !== known?.extension) this.options.onChange();
    return found;
  }

  /** One row (or nothing); returns how long to wait before the next step. */
  private async step(): Promise<number> {
    const { now, pollMs = 1000 } = { now: this.options.now, pollMs: this.options.pollMs };
    const token = this.options.token();
    if (!token || this.blocked()) return pollMs;
    if (this.notBefore.at > now()) return this.notBefore.at - now();
    this.leaseHeldElsewhere = !this.store.takeLease(this.options.owner, now(), this.options.leaseMs ?? 30_000);
    if (this.leaseHeldElsewhere) return (this.options.leaseMs ?? 30_000) / 2;
    const cloud = this.options.cloud(this.abort.signal);
    const caps = await this.refreshCapabilities(cloud);
    const row = this.store.next(now(), caps.extension === true);
    if (!row) return pollMs;
    const route = routeOf(row);
    const context: SendContext = {
      sqlite: this.options.sqlite,
      store: this.store,
      cloud,
      token,
      extension: caps.extension === true,
      keyRetentionMs: caps.retentionSeconds * 1000,
      pacer: this.pacer,
      images: this.options.images,
      outgoingDir: this.options.outgoingDir,
      now,
      gate: async (limited) => {
        for (let wait = this.pacer.waitFor(limited); wait > 0; wait = this.pacer.waitFor(limited)) {
          if (!this.running && this.loop) throw new CloudError({ kind: 'transient', uncertain: false, message: 'Sync stopped.' });
          await this.sleep(wait);
        }
      },
      setBalance: (balance) => this.store.setMeta('creditBalance', balance),
    };
    // Edits committed before this point are in the record the send reads: later update rows up to here are covered.
    const upTo = this.store.maxSeq();
    try {
      if (row.entityType === 'usage') {
        const sent = await sendUsage(context, row);
        this.options.sqlite.transaction(() => sent.forEach((one) => this.store.ack(one.seq)))();
      } else {
        await (row.entityType === 'project' ? sendProject(context, row) : sendAvatar(context, row));
        this.options.sqlite.transaction(() => {
          this.store.ack(row.seq);
          this.store.dropCoveredUpdates(row.entityType, row.entityId, upTo);
        })();
      }
      this.succeeded();
    } catch (error) {
      const deps: FailureDeps = { store: this.store, pacer: this.pacer, now, backoff: this.options.backoff ?? { baseMs: 500, capMs: 30_000 }, route };
      let waitMs = 0;
      if (error instanceof UsageRouteGone) this.store.setMeta('capabilities', { ...caps, extension: false, checkedAt: now() });
      else if (error instanceof NotYet) {
        // Only this row waits (for its parent); rows of other records go on.
        this.store.update(row.seq, { attempts: row.attempts + 1, nextAttemptAt: now() + backoffMs(deps.backoff, row.attempts + 1), lastError: error.message });
      } else if (error instanceof RowIssue || error instanceof CloudError) waitMs = handleFailure(deps, row, error);
      else handleFailure(deps, row, new RowIssue('error', (error as Error).message));
      if (waitMs > 0) this.notBefore = { at: now() + waitMs, retryAfter: error instanceof CloudError && error.failure.kind === 'rate' };
      this.options.onChange();
      return waitMs;
    }
    return 0;
  }

  private succeeded(): void {
    const state = this.store.getMeta<string>('state');
    if (state === 'offline') this.store.setMeta('state', null);
    this.store.setMeta('lastSyncAt', this.options.now());
    this.options.onChange();
  }
}

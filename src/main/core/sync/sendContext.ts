import type Database from 'better-sqlite3';
import type { ImageStore } from '../images/imageStore';
import { CloudError, type CloudClient } from './cloudClient';
import type { LimitedRoute, Pacer } from './pacer';
import type { OutboxRow, SyncStore } from './syncStore';

/** What one send needs; built by the relay for each row. */
export interface SendContext {
  sqlite: Database.Database;
  store: SyncStore;
  cloud: CloudClient;
  token: string;
  /** The server has the extension: Idempotency-Key on creates, the usage route. */
  extension: boolean;
  /** How long the server keeps an Idempotency-Key's answer. */
  keyRetentionMs: number;
  pacer: Pacer;
  images: ImageStore;
  /** Where prepared upload bytes wait until acknowledged (same bytes on every re-send). */
  outgoingDir: string;
  now(): number;
  /** Sleeps until the limited route may be used; rejects when the relay stops. */
  gate(route: LimitedRoute): Promise<void>;
  setBalance(balance: number): void;
}

/** The record needs the user: a conflict (changed or deleted on the cloud) or a refusal. */
export class RowIssue extends Error {
  constructor(
    readonly kind: 'conflict' | 'error',
    message: string,
    readonly remoteUpdatedAt: string | null = null,
  ) {
    super(message);
  }
}

/** Not this row's turn yet (its parent is not in the cloud): this row waits with backoff, the others go on. */
export class NotYet extends Error {}

export const notYet = (message: string): NotYet => new NotYet(message);

export const FIVE_MINUTES = 5 * 60_000;

/**
 * A create whose earlier send may have happened (in flight when the answer was lost or the process
 * died) must be checked for on the server before it is sent again (docs/sync-api.md §3), unless an
 * Idempotency-Key still covers it (the extension keeps answers for its retention, less an hour).
 */
export const mustCheck = (row: OutboxRow, context: SendContext): boolean =>
  Boolean(row.inFlight) && !(context.extension && row.firstSentAt !== null && context.now() - row.firstSentAt < context.keyRetentionMs - 60 * 60_000);

/** A row's notes: keep_mine's force, and what a create sent (to find it again if the record is deleted meanwhile). */
export interface RowPayload {
  force?: boolean;
  sent?: { name: string; description?: string | null; projectCloudId?: string; fields?: Record<string, string> };
}

export const payloadOf = (row: OutboxRow): RowPayload => {
  try {
    return JSON.parse(row.payload) as RowPayload;
  } catch {
    return {};
  }
};

/** Marks the row as sent (outcome unknown until the answer): from here a crash means "check first". */
export const markSending = (context: SendContext, row: OutboxRow, sent: RowPayload['sent'], extra: { sentSha256?: string } = {}): void => {
  context.store.update(row.seq, { firstSentAt: row.firstSentAt ?? context.now(), inFlight: 1, payload: JSON.stringify({ ...payloadOf(row), sent }), ...extra });
};

import { z } from 'zod';
import type { AppErrorShape } from './errors';
import { projectIdSchema } from './domain';

/**
 * Where sync stands. `auth_required`: the session expired (401), sign in again. `out_of_credits`:
 * the cloud answered 402. `offline`: the server cannot be reached; the relay keeps trying.
 */
export const SYNC_STATES = ['signed_out', 'idle', 'syncing', 'paused', 'offline', 'auth_required', 'out_of_credits'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface SyncStatus {
  state: SyncState;
  serverUrl: string;
  account: { email: string; name: string | null } | null;
  /** The cloud's balance from its last answer that carried one. */
  creditBalance: number | null;
  lastSyncAt: number | null;
  /** Outbox entries waiting to be sent (usage included). */
  queued: number;
  /** Usage records waiting because the server does not accept usage history (yet). */
  pendingUsage: number;
  /** null until the server was asked; false: it has no usage route, so usage waits. */
  serverAcceptsUsage: boolean | null;
  errors: number;
  conflicts: number;
  paused: boolean;
  /** Why sync stopped by itself (session expired, out of credits). */
  pauseReason: AppErrorShape | null;
  /** A first sync of existing avatars: how far, and an honest estimate under the server's rate limits. */
  initial: { total: number; done: number; etaSeconds: number | null } | null;
  /** Projects opted in to sync. */
  projectIds: string[];
}

export const SYNC_ISSUE_KINDS = ['error', 'conflict'] as const;

/** A record sync stopped on: the cloud refused it (error) or changed it since the last sync (conflict). */
export interface SyncIssue {
  id: number;
  kind: (typeof SYNC_ISSUE_KINDS)[number];
  entityType: 'project' | 'avatar' | 'usage';
  entityId: string;
  operation: 'create' | 'update' | 'delete' | 'usage';
  message: string;
  /** For conflicts: when each side last changed. */
  localUpdatedAt: number | null;
  remoteUpdatedAt: number | null;
  createdAt: number;
}

export const syncLoginSchema = z
  .object({
    /** Defaults to the setting (the Lumiku production URL unless changed). */
    serverUrl: z.string().trim().url().max(500).optional(),
    email: z.string().trim().email().max(254),
    /** Sent to the server once; never stored. */
    password: z.string().min(1).max(200),
  })
  .strict();

export const syncProjectSchema = z.object({ projectId: projectIdSchema, enabled: z.boolean() }).strict();

/** keep_mine: push the local state over the cloud's; take_theirs: replace the local record; retry / discard an error. */
export const SYNC_RESOLUTIONS = ['keep_mine', 'take_theirs', 'retry', 'discard'] as const;
export const syncResolveSchema = z.object({ issueId: z.number().int().min(1), resolution: z.enum(SYNC_RESOLUTIONS) }).strict();

export type SyncPauseReason = AppErrorShape;

import { z } from 'zod';
import type { CreditAction } from './settings';
import { LEDGER_PAGE_MAX } from './vocabulary';

/** A charge when work is accepted, a refund when it fails or is cancelled. */
export const LEDGER_KINDS = ['charge', 'refund'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerEntry {
  id: string;
  kind: LedgerKind;
  action: CreditAction;
  /** Always positive; the kind says which way it goes. */
  amount: number;
  generationId: string | null;
  avatarId: string | null;
  batchId: string | null;
  note: string | null;
  createdAt: number;
}

export interface CreditSummary {
  /** Charges minus refunds today (local calendar day) and ever. */
  spentToday: number;
  spentTotal: number;
  refundedTotal: number;
  dailyLimit: number | null;
  batchLimit: number | null;
  /** What may still be charged today; null without a daily limit. */
  remainingToday: number | null;
}

export { LEDGER_PAGE_MAX } from './vocabulary';

export const creditHistorySchema = z
  .object({
    limit: z.number().int().min(1).max(LEDGER_PAGE_MAX).optional(),
    /** Entries older than this (createdAt), for paging back. */
    before: z.number().optional(),
  })
  .strict();

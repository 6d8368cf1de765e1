import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { CreditSummary, LedgerEntry } from '../../../shared/credits';
import { AppError, ErrorCode } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import type { CreditAction, Settings } from '../../../shared/settings';
import type { LibraryTx, Queryable } from '../db/open';
import { creditLedger } from '../db/schema';
import type { LibraryContext } from '../library/context';

export type CreditSettings = Settings['credits'];

const HISTORY_DEFAULT = 100;

/** Midnight of the machine's calendar day: "daily" means the user's day, not UTC's. */
export const startOfLocalDay = (at: number): number => {
  const day = new Date(at);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
};

const net = sql<number>`coalesce(sum(case ${creditLedger.kind} when 'charge' then ${creditLedger.amount} else -${creditLedger.amount} end), 0)`;
const refunded = sql<number>`coalesce(sum(case ${creditLedger.kind} when 'refund' then ${creditLedger.amount} else 0 end), 0)`;

const plural = (count: number): string => `${count} credit${count === 1 ? '' : 's'}`;

/**
 * The spending guard. Costs come from the settings; jobs are charged and refunded by triggers
 * on their rows (migration 0009), other actions here. Limits are checked inside the transaction
 * that would spend, which the caller opens as IMMEDIATE so two processes cannot both pass the
 * check on the same remaining credits.
 */
export class CreditBook {
  constructor(
    private readonly ctx: LibraryContext,
    private readonly settings: () => CreditSettings,
  ) {}

  costOf(action: CreditAction): number {
    return this.settings().costs[action];
  }

  /** Refuses, before anything is written or sent, work that would pass a limit. */
  assertAllowed(tx: Queryable, total: number, what: string): void {
    if (total <= 0) return;
    const { batchLimit, dailyLimit } = this.settings();
    if (batchLimit !== null && total > batchLimit) {
      throw new AppError(
        ErrorCode.SPENDING_LIMIT,
        `${what} would cost ${plural(total)}; one request may cost at most ${plural(batchLimit)}. Make fewer at once, or raise the per-batch limit in Settings → Credits.`,
      );
    }
    if (dailyLimit === null) return;
    const spent = this.spentSince(tx, startOfLocalDay(this.ctx.now()));
    if (spent + total > dailyLimit) {
      const left = Math.max(0, dailyLimit - spent);
      throw new AppError(
        ErrorCode.SPENDING_LIMIT,
        `${what} would cost ${plural(total)}, but only ${plural(left)} of today's ${plural(dailyLimit)} are left. Nothing was started. Try again tomorrow, or raise the daily limit in Settings → Credits.`,
      );
    }
  }

  /** A charge for something other than a job (an upload), in the caller's transaction. */
  chargeIn(tx: LibraryTx, entry: { action: CreditAction; amount: number; avatarId?: string | null; note?: string | null }): boolean {
    if (entry.amount <= 0) return false;
    tx.insert(creditLedger)
      .values({ id: newId('ledger'), kind: 'charge', action: entry.action, amount: entry.amount, avatarId: entry.avatarId ?? null, note: entry.note ?? null, createdAt: this.ctx.now() })
      .run();
    this.ctx.feed.record(tx, [{ entity: 'credits', entityId: 'ledger', kind: 'changed' }]);
    return true;
  }

  summary(): CreditSummary {
    const { dailyLimit, batchLimit } = this.settings();
    const totals = this.ctx.db.select({ net, refunded }).from(creditLedger).get() ?? { net: 0, refunded: 0 };
    const spentToday = Math.max(0, this.spentSince(this.ctx.db, startOfLocalDay(this.ctx.now())));
    return {
      spentToday,
      spentTotal: totals.net,
      refundedTotal: totals.refunded,
      dailyLimit,
      batchLimit,
      remainingToday: dailyLimit === null ? null : Math.max(0, dailyLimit - spentToday),
    };
  }

  history({ limit = HISTORY_DEFAULT, before }: { limit?: number; before?: number } = {}): LedgerEntry[] {
    return this.ctx.db
      .select()
      .from(creditLedger)
      .where(before === undefined ? undefined : lt(creditLedger.createdAt, before))
      .orderBy(desc(creditLedger.createdAt), desc(sql`rowid`))
      .limit(limit)
      .all();
  }

  /** What one job's entries still hold: its charges minus its refunds. */
  heldBy(generationId: string): number {
    return this.ctx.db.select({ net }).from(creditLedger).where(eq(creditLedger.generationId, generationId)).get()?.net ?? 0;
  }

  private spentSince(db: Queryable, since: number): number {
    return db.select({ net }).from(creditLedger).where(and(gte(creditLedger.createdAt, since))).get()?.net ?? 0;
  }
}

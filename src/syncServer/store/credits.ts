import { isoAt } from './ids';
import type { Db } from './schema';

/**
 * The cloud keeps credits as a ledger whose newest row carries the balance; an upload's charge
 * is one 'usage' row plus an app_usage row. Tests count those rows to prove "one charge".
 */
export interface CreditRow {
  seq: number;
  amount: number;
  balance: number;
  type: string;
  description: string | null;
  createdAt: string;
}

export const creditBalance = (db: Db, userId: string): number => {
  const row = db.prepare('SELECT balance FROM credits WHERE user_id = ? ORDER BY seq DESC LIMIT 1').get(userId) as
    | { balance: number }
    | undefined;
  return row?.balance ?? 0;
};

export const addCredits = (db: Db, userId: string, amount: number, type: string, description: string, now: number): number => {
  const balance = creditBalance(db, userId) + amount;
  db.prepare('INSERT INTO credits (user_id, amount, balance, type, description, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    userId, amount, balance, type, description, isoAt(now),
  );
  return balance;
};

/** Sets the balance outright (an 'adjustment' row), for tests of 402. */
export const setCreditBalance = (db: Db, userId: string, balance: number, now: number): void => {
  addCredits(db, userId, balance - creditBalance(db, userId), 'adjustment', 'Set by test', now);
};

/**
 * recordCreditUsage: the balance is re-read inside the transaction and a charge that would go
 * below zero throws a plain Error, which the cloud's handler turns into a generic 500 after the
 * avatar already exists (the check-then-charge race of the real service).
 */
export const chargeCredits = (
  db: Db,
  charge: { userId: string; appId: string; action: string; amount: number; metadata: unknown },
  now: number,
): { newBalance: number; creditUsed: number } =>
  db.transaction(() => {
    const current = creditBalance(db, charge.userId);
    const newBalance = current - charge.amount;
    if (newBalance < 0) throw new Error(`Insufficient credits: has ${current}, needs ${charge.amount}`);
    db.prepare('INSERT INTO credits (user_id, amount, balance, type, description, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      charge.userId, -charge.amount, newBalance, 'usage', `${charge.appId}: ${charge.action}`, isoAt(now),
    );
    db.prepare('INSERT INTO app_usage (user_id, app_id, action, credit_used, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      charge.userId, charge.appId, charge.action, charge.amount, JSON.stringify(charge.metadata), isoAt(now),
    );
    return { newBalance, creditUsed: charge.amount };
  })();

export const creditLedger = (db: Db, userId: string): CreditRow[] =>
  db
    .prepare('SELECT seq, amount, balance, type, description, created_at AS createdAt FROM credits WHERE user_id = ? ORDER BY seq')
    .all(userId) as CreditRow[];

import { hashPassword } from '../auth/password';
import type { SeedUser } from '../options';
import { addCredits, creditBalance } from './credits';
import { isoAt, newId } from './ids';
import type { Db } from './schema';

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string;
}

const DEFAULT_SEED_BALANCE = 100;
const COLUMNS = 'id, email, name, password_hash AS passwordHash';

export const findUserByEmail = (db: Db, email: string): UserRow | undefined =>
  db.prepare(`SELECT ${COLUMNS} FROM users WHERE email = ?`).get(email) as UserRow | undefined;

export const findUserById = (db: Db, id: string): UserRow | undefined =>
  db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;

export const listUsers = (db: Db): UserRow[] => db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY created_at`).all() as UserRow[];

/**
 * Adds a user once: on a persistent data file a restart keeps the user's projects and balance,
 * and only refreshes the password and name from the options.
 */
export const seedUser = (db: Db, seed: SeedUser, now: number): UserRow => {
  const existing = findUserByEmail(db, seed.email);
  const passwordHash = hashPassword(seed.password);
  if (existing) {
    db.prepare('UPDATE users SET password_hash = ?, name = ? WHERE id = ?').run(passwordHash, seed.name ?? existing.name, existing.id);
    return { ...existing, passwordHash, name: seed.name ?? existing.name };
  }
  const user: UserRow = { id: seed.id ?? newId(now), email: seed.email, name: seed.name ?? null, passwordHash };
  db.transaction(() => {
    db.prepare('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
      user.id, user.email, user.name, passwordHash, isoAt(now),
    );
    addCredits(db, user.id, seed.creditBalance ?? DEFAULT_SEED_BALANCE, 'bonus', 'Seeded balance', now);
  })();
  return user;
};

export const publicUser = (db: Db, user: UserRow) =>
  ({ id: user.id, email: user.email, name: user.name, creditBalance: creditBalance(db, user.id) }) as const;

import { listAllAvatars, type AvatarJson } from '../store/avatars';
import { creditBalance, creditLedger, setCreditBalance, type CreditRow } from '../store/credits';
import { getFile, type StoredFile } from '../store/files';
import { listAllProjects, type ProjectJson } from '../store/projects';
import type { Db } from '../store/schema';
import { listAllUsage, type UsageJson } from '../store/usage';
import { findUserByEmail, findUserById, listUsers } from '../store/users';

/** Read-mostly views of the server's database, for assertions; users may be named by id or email. */
export interface SyncServerInspection {
  users(): Array<{ id: string; email: string; name: string | null; creditBalance: number }>;
  projects(userIdOrEmail?: string): ProjectJson[];
  avatars(filter?: { user?: string; projectId?: string }): AvatarJson[];
  usage(filter?: { user?: string; avatarId?: string }): UsageJson[];
  creditBalance(user: string): number;
  /** Every ledger row: the seed, adjustments, and one 'usage' row per charge. */
  creditLedger(user: string): CreditRow[];
  /** Number of charges (ledger 'usage' rows), the "charged once" assertion. */
  charges(user: string): number;
  setCreditBalance(user: string, balance: number): void;
  /** Stored bytes behind a baseImageUrl or thumbnailUrl. */
  file(url: string): StoredFile | undefined;
}

export const createInspection = (db: Db, clock: () => number): SyncServerInspection => {
  const userId = (user: string): string => {
    const found = findUserById(db, user) ?? findUserByEmail(db, user);
    if (!found) throw new Error(`No such user: ${user}`);
    return found.id;
  };
  const optionalUser = (user: string | undefined) => (user === undefined ? undefined : userId(user));
  return {
    users: () => listUsers(db).map((user) => ({ id: user.id, email: user.email, name: user.name, creditBalance: creditBalance(db, user.id) })),
    projects: (user) => {
      const id = optionalUser(user);
      return listAllProjects(db).filter((project) => id === undefined || project.userId === id);
    },
    avatars: (filter = {}) => {
      const id = optionalUser(filter.user);
      return listAllAvatars(db).filter(
        (avatar) => (id === undefined || avatar.userId === id) && (!filter.projectId || avatar.projectId === filter.projectId),
      );
    },
    usage: (filter = {}) => {
      const id = optionalUser(filter.user);
      return listAllUsage(db).filter((row) => (id === undefined || row.userId === id) && (!filter.avatarId || row.avatarId === filter.avatarId));
    },
    creditBalance: (user) => creditBalance(db, userId(user)),
    creditLedger: (user) => creditLedger(db, userId(user)),
    charges: (user) => creditLedger(db, userId(user)).filter((row) => row.type === 'usage').length,
    setCreditBalance: (user, balance) => setCreditBalance(db, userId(user), balance, clock()),
    file: (url) => getFile(db, url),
  };
};

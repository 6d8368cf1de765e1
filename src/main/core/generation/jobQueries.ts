import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Generation } from '../../../shared/domain';
import type { GenerationStatus } from '../../../shared/vocabulary';
import type { Queryable } from '../db/open';
import { generations } from '../db/schema';
import { rowToGeneration } from './generationRows';

/** The avatar a job made, found through the unique avatars.generation_id. */
const avatarOf = sql<string | null>`(select a.id from avatars a where a.generation_id = generations.id)`.as('avatar_id');

export const findGeneration = (db: Queryable, id: string): Generation | null => {
  const found = db.select({ row: generations, avatarId: avatarOf }).from(generations).where(eq(generations.id, id)).get();
  return found ? rowToGeneration(found.row, found.avatarId) : null;
};

export interface GenerationFilter {
  projectId?: string;
  statuses?: GenerationStatus[];
  limit?: number;
}

export const listGenerations = (db: Queryable, { projectId, statuses, limit = 200 }: GenerationFilter): Generation[] =>
  db
    .select({ row: generations, avatarId: avatarOf })
    .from(generations)
    .where(and(projectId ? eq(generations.projectId, projectId) : undefined, statuses?.length ? inArray(generations.status, statuses) : undefined))
    // Active jobs first, so a long history of finished ones can never push a queued job past the limit.
    .orderBy(desc(sql`${generations.status} in ('pending', 'processing')`), desc(generations.createdAt), desc(generations.id))
    .limit(limit)
    .all()
    .map((found) => rowToGeneration(found.row, found.avatarId));

export const countActive = (db: Queryable): { pending: number; processing: number } => {
  const rows = db
    .select({ status: generations.status, count: sql<number>`count(*)` })
    .from(generations)
    .where(inArray(generations.status, ['pending', 'processing']))
    .groupBy(generations.status)
    .all();
  const count = (status: GenerationStatus) => rows.find((row) => row.status === status)?.count ?? 0;
  return { pending: count('pending'), processing: count('processing') };
};

/** When the earliest job waiting for a retry becomes due, so the pool can sleep until then. */
export const nextDueAt = (db: Queryable): number | null =>
  db
    .select({ at: sql<number | null>`min(${generations.nextAttemptAt})` })
    .from(generations)
    .where(and(eq(generations.status, 'pending'), sql`${generations.nextAttemptAt} is not null`))
    .get()?.at ?? null;

import { desc, eq, sql } from 'drizzle-orm';
import type { ProjectSummary } from '../../../shared/domain';
import type { Queryable } from '../db/open';
import { projects } from '../db/schema';

// Written out in full: drizzle renders a column of the outer query unqualified, which the subquery would capture.
const avatarCount = sql<number>`(select count(*) from avatars a where a.project_id = projects.id)`.as('avatar_count');
// Newest avatar stands for the project; served by the (project_id, created_at) index.
const coverAvatarId = sql<string | null>`(select a.id from avatars a where a.project_id = projects.id order by a.created_at desc, a.id desc limit 1)`.as(
  'cover_avatar_id',
);

const summaryColumns = {
  id: projects.id,
  name: projects.name,
  description: projects.description,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
  avatarCount,
  coverAvatarId,
};

export const listProjectSummaries = (db: Queryable): ProjectSummary[] =>
  db.select(summaryColumns).from(projects).orderBy(desc(projects.createdAt), desc(projects.id)).all();

export const findProjectSummary = (db: Queryable, id: string): ProjectSummary | null =>
  db.select(summaryColumns).from(projects).where(eq(projects.id, id)).get() ?? null;

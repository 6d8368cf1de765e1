import { listAvatarsOfProject, type AvatarJson } from './avatars';
import { isoAt, newId } from './ids';
import type { Db } from './schema';

/** A project as the cloud answers it (Prisma's row, dates as ISO strings). */
export interface ProjectJson {
  id: string;
  userId: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  avatars?: AvatarJson[];
}

const COLUMNS = 'id, user_id AS userId, name, description, created_at AS createdAt, updated_at AS updatedAt';

/** Owner-scoped, like every cloud query: another user's project simply does not exist. */
export const findProject = (db: Db, projectId: string, userId: string): ProjectJson | undefined =>
  db.prepare(`SELECT ${COLUMNS} FROM projects WHERE id = ? AND user_id = ?`).get(projectId, userId) as ProjectJson | undefined;

export const findProjectWithAvatars = (db: Db, projectId: string, userId: string): ProjectJson | undefined => {
  const project = findProject(db, projectId, userId);
  return project && { ...project, avatars: listAvatarsOfProject(db, project.id) };
};

export const listProjects = (db: Db, userId: string): ProjectJson[] => {
  const projects = db
    .prepare(`SELECT ${COLUMNS} FROM projects WHERE user_id = ? ORDER BY created_at DESC, seq DESC`)
    .all(userId) as ProjectJson[];
  return projects.map((project) => ({ ...project, avatars: listAvatarsOfProject(db, project.id) }));
};

export const createProject = (db: Db, input: { userId: string; name: string; description?: string }, now: number): ProjectJson => {
  const id = newId(now);
  const at = isoAt(now);
  // `description || null`, as the cloud's repository: an empty description is stored as null.
  db.prepare('INSERT INTO projects (id, user_id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id, input.userId, input.name, input.description || null, at, at,
  );
  return { ...(findProject(db, id, input.userId) as ProjectJson), avatars: [] };
};

/** Prisma ignores undefined fields, so an absent name or description stays as it was. */
export const updateProject = (
  db: Db,
  projectId: string,
  userId: string,
  changes: { name?: string; description?: string },
  now: number,
): ProjectJson => {
  db.prepare(
    'UPDATE projects SET name = COALESCE(?, name), description = CASE WHEN ? THEN ? ELSE description END, updated_at = ? WHERE id = ? AND user_id = ?',
  ).run(changes.name ?? null, changes.description !== undefined ? 1 : 0, changes.description ?? null, isoAt(now), projectId, userId);
  return findProject(db, projectId, userId) as ProjectJson;
};

export const deleteProject = (db: Db, projectId: string, userId: string): void => {
  db.prepare('DELETE FROM projects WHERE id = ? AND user_id = ?').run(projectId, userId);
};

export const listAllProjects = (db: Db): ProjectJson[] =>
  db.prepare(`SELECT ${COLUMNS} FROM projects ORDER BY created_at DESC, seq DESC`).all() as ProjectJson[];

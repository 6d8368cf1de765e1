import { eq } from 'drizzle-orm';
import type { CommandArgs } from '../../../shared/contract';
import type { ProjectDetail, ProjectSummary } from '../../../shared/domain';
import { AppError, ErrorCode } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { listAvatarFiles, listAvatars } from '../avatars/avatarQueries';
import type { Queryable } from '../db/open';
import { projects } from '../db/schema';
import type { LibraryContext } from '../library/context';
import { findProjectSummary, listProjectSummaries } from './projectQueries';

export const projectNotFound = (id: string): AppError => new AppError(ErrorCode.NOT_FOUND, `No project with id ${id}.`);

/** NOT_FOUND unless the project exists; pass a transaction to check inside it. */
export const assertProjectExists = (db: Queryable, projectId: string): void => {
  const found = db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).get();
  if (!found) throw projectNotFound(projectId);
};

export class ProjectService {
  constructor(private readonly ctx: LibraryContext) {}

  list(): ProjectSummary[] {
    return listProjectSummaries(this.ctx.db);
  }

  require(id: string): ProjectSummary {
    const project = findProjectSummary(this.ctx.db, id);
    if (!project) throw projectNotFound(id);
    return project;
  }

  get(id: string): ProjectDetail {
    const { db } = this.ctx;
    return db.transaction(() => ({ project: this.require(id), avatars: listAvatars(db, id) }), { behavior: 'deferred' });
  }

  create({ name, description }: CommandArgs<'projects.create'>): ProjectSummary {
    const { db, feed, now } = this.ctx;
    const id = newId('project');
    const at = now();
    db.transaction((tx) => {
      tx.insert(projects).values({ id, name, description: description ?? null, createdAt: at, updatedAt: at }).run();
      feed.record(tx, [{ entity: 'project', entityId: id, kind: 'changed' }]);
    });
    feed.flush();
    return this.require(id);
  }

  update({ id, name, description }: CommandArgs<'projects.update'>): ProjectSummary {
    const { db, feed, now } = this.ctx;
    db.transaction((tx) => {
      const changed = tx
        .update(projects)
        .set({ ...(name !== undefined && { name }), ...(description !== undefined && { description }), updatedAt: now() })
        .where(eq(projects.id, id))
        .run();
      if (changed.changes === 0) throw projectNotFound(id);
      feed.record(tx, [{ entity: 'project', entityId: id, kind: 'changed' }]);
    });
    feed.flush();
    return this.require(id);
  }

  /** Row first (its avatars cascade), files second: a crash in between leaves only orphan files, which start-up sweeps. */
  async delete(id: string): Promise<{ id: string }> {
    const { db, feed, images } = this.ctx;
    const files = db.transaction((tx) => {
      const owned = listAvatarFiles(tx, id);
      const removed = tx.delete(projects).where(eq(projects.id, id)).run();
      if (removed.changes === 0) throw projectNotFound(id);
      feed.record(tx, [{ entity: 'project', entityId: id, kind: 'deleted' }]);
      return owned;
    });
    feed.flush();
    await Promise.all(files.map((file) => images.remove(file.id, file.format)));
    return { id };
  }
}

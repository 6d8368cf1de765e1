import { promises as fs } from 'node:fs';
import { inArray } from 'drizzle-orm';
import { listAvatarFiles } from '../avatars/avatarQueries';
import { avatars, generations } from '../db/schema';
import type { LibraryContext } from './context';

const DELETE_CHUNK = 500;

export interface SweepReport {
  removedFiles: number;
  removedRows: number;
  /** Reference images no job names any more. */
  removedReferences: number;
}

export interface SweepOptions {
  /**
   * Files younger than this are left alone: another process (the CLI beside the app) may have
   * written the file and not yet committed its row. A later start removes them if they stay orphans.
   */
  minFileAgeMs: number;
}

/**
 * Makes files and rows agree again after a crash: files without a row go, rows whose image is gone
 * go, and reference images no job names go.
 */
export const sweepOrphans = async (ctx: LibraryContext, { minFileAgeMs }: SweepOptions): Promise<SweepReport> => {
  const { db, images, feed, now } = ctx;
  const files = await images.listFiles();
  const known = new Map(listAvatarFiles(db).map((row) => [row.id, row.format]));

  const cutoff = now() - minFileAgeMs;
  const candidates = files.filter((file) => file.avatarId === null || !known.has(file.avatarId));
  // Only candidates are stat'ed: a library of 100,000 avatars has 200,000 files that are fine.
  const ages = await Promise.all(candidates.map((file) => fs.stat(file.file).then((stat) => stat.mtimeMs, () => null)));
  const strays = candidates.filter((_file, index) => ages[index] !== null && ages[index]! <= cutoff);
  await Promise.all(strays.map((file) => fs.rm(file.file, { force: true })));

  const present = new Set(files.map((file) => file.file));
  const missing = [...known].filter(([id, format]) => !present.has(images.pathFor(id, 'full', format))).map(([id]) => id);
  if (missing.length > 0) {
    db.transaction((tx) => {
      const projectIds = new Set<string>();
      for (let start = 0; start < missing.length; start += DELETE_CHUNK) {
        const ids = missing.slice(start, start + DELETE_CHUNK);
        const owners = tx.select({ id: avatars.id, projectId: avatars.projectId }).from(avatars).where(inArray(avatars.id, ids)).all();
        tx.delete(avatars).where(inArray(avatars.id, ids)).run();
        feed.record(tx, owners.map((owner) => ({ entity: 'avatar', entityId: owner.id, kind: 'deleted', projectId: owner.projectId })));
        for (const owner of owners) projectIds.add(owner.projectId);
      }
      feed.record(tx, [...projectIds].map((projectId) => ({ entity: 'project', entityId: projectId, kind: 'changed' })));
    });
    feed.flush();
  }
  const referenced = db.selectDistinct({ sha256: generations.referenceSha256 }).from(generations).all();
  const inUse = new Set(referenced.flatMap((row) => (row.sha256 ? [row.sha256] : [])));
  const removedReferences = await ctx.references.sweep(inUse, cutoff);
  return { removedFiles: strays.length, removedRows: missing.length, removedReferences };
};

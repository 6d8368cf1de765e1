import { promises as fs } from 'node:fs';
import { inArray } from 'drizzle-orm';
import { listAvatarFiles } from '../avatars/avatarQueries';
import { avatars } from '../db/schema';
import type { LibraryContext } from './context';

export interface SweepReport {
  removedFiles: number;
  removedRows: number;
}

export interface SweepOptions {
  /**
   * Files younger than this are left alone: another process (the CLI beside the app) may have
   * written the file and not yet committed its row. A later start removes them if they stay orphans.
   */
  minFileAgeMs: number;
}

/** Makes files and rows agree again after a crash: files without a row go, rows whose image is gone go. */
export const sweepOrphans = async (ctx: LibraryContext, { minFileAgeMs }: SweepOptions): Promise<SweepReport> => {
  const { db, images, feed, now } = ctx;
  const files = await images.listFiles();
  const known = new Map(listAvatarFiles(db).map((row) => [row.id, row.format]));

  const cutoff = now() - minFileAgeMs;
  const strays = files.filter((file) => file.mtimeMs <= cutoff && (file.avatarId === null || !known.has(file.avatarId)));
  await Promise.all(strays.map((file) => fs.rm(file.file, { force: true })));

  const present = new Set(files.map((file) => file.file));
  const missing = [...known].filter(([id, format]) => !present.has(images.pathFor(id, 'full', format))).map(([id]) => id);
  if (missing.length > 0) {
    db.transaction((tx) => {
      const owners = tx.select({ id: avatars.id, projectId: avatars.projectId }).from(avatars).where(inArray(avatars.id, missing)).all();
      tx.delete(avatars).where(inArray(avatars.id, missing)).run();
      feed.record(
        tx,
        owners.flatMap((owner) => [
          { entity: 'avatar' as const, entityId: owner.id, kind: 'deleted' as const, projectId: owner.projectId },
          { entity: 'project' as const, entityId: owner.projectId, kind: 'changed' as const },
        ]),
      );
    });
    feed.flush();
  }
  return { removedFiles: strays.length, removedRows: missing.length };
};

import { eq } from 'drizzle-orm';
import type { CommandArgs } from '../../../shared/contract';
import { EMPTY_ATTRIBUTES, EMPTY_PERSONA, type Avatar } from '../../../shared/domain';
import { AppError, ErrorCode } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { avatars } from '../db/schema';
import { ingestImage } from '../images/ingestImage';
import type { CreditBook } from '../credits/creditBook';
import type { LibraryContext } from '../library/context';
import type { ChangeEntry } from '../library/changeFeed';
import { assertProjectExists } from '../projects/projectService';
import { findAvatar, listAvatars } from './avatarQueries';
import { attributeColumns, personaColumns } from './avatarRows';

export const avatarNotFound = (id: string): AppError => new AppError(ErrorCode.NOT_FOUND, `No avatar with id ${id}.`);

/** "portrait-of-ana_v2.final.png" → "portrait of ana v2 final" */
const nameFromFile = (fileName: string): string => {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  const cleaned = stem.replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return cleaned || 'Untitled avatar';
};

const changed = (avatarId: string, projectId: string): ChangeEntry[] => [
  { entity: 'avatar', entityId: avatarId, kind: 'changed', projectId },
  { entity: 'project', entityId: projectId, kind: 'changed' },
];

export class AvatarService {
  constructor(
    private readonly ctx: LibraryContext,
    /** Uploads and persona edits are charged as the cloud charges them (see CreditBook). */
    private readonly credits: CreditBook | null = null,
  ) {}

  require(id: string): Avatar {
    const avatar = findAvatar(this.ctx.db, id);
    if (!avatar) throw avatarNotFound(id);
    return avatar;
  }

  list({ projectId }: CommandArgs<'avatars.list'>): Avatar[] {
    return listAvatars(this.ctx.db, projectId);
  }

  /** File first, row second: a crash between them leaves an orphan file, never a row without its image. */
  async upload({ projectId, fileName, bytes, name, persona, attributes }: CommandArgs<'avatars.upload'>): Promise<Avatar> {
    const { db, feed, images, now } = this.ctx;
    assertProjectExists(this.ctx.db, projectId);
    const image = await ingestImage(bytes);
    const id = newId('avatar');
    await images.write(id, image);
    const at = now();
    try {
      db.transaction((tx) => {
        // Checked again inside the transaction: the project may have been deleted while the image was processed.
        assertProjectExists(tx, projectId);
        tx.insert(avatars)
          .values({
            id,
            projectId,
            name: name ?? nameFromFile(fileName),
            ...personaColumns({ ...EMPTY_PERSONA, ...persona }),
            ...attributeColumns({ ...EMPTY_ATTRIBUTES, ...attributes }),
            sourceType: 'uploaded',
            imageFormat: image.info.format,
            imageWidth: image.info.width,
            imageHeight: image.info.height,
            imageBytes: image.info.byteSize,
            imageSha256: image.info.sha256,
            createdAt: at,
            updatedAt: at,
          })
          .run();
        feed.record(tx, changed(id, projectId));
        this.credits?.chargeIn(tx, { action: 'upload', amount: this.credits.costOf('upload'), avatarId: id });
      });
    } catch (error) {
      await images.remove(id, image.info.format);
      throw error;
    }
    feed.flush();
    return this.require(id);
  }

  update({ id, name, persona, attributes }: CommandArgs<'avatars.update'>): Avatar {
    const { db, feed, now } = this.ctx;
    db.transaction((tx) => {
      const current = tx.select({ projectId: avatars.projectId }).from(avatars).where(eq(avatars.id, id)).get();
      if (!current) throw avatarNotFound(id);
      tx.update(avatars)
        .set({
          ...(name !== undefined && { name }),
          ...personaColumns(persona ?? {}),
          ...attributeColumns(attributes ?? {}),
          updatedAt: now(),
        })
        .where(eq(avatars.id, id))
        .run();
      feed.record(tx, [{ entity: 'avatar', entityId: id, kind: 'changed', projectId: current.projectId }]);
      if (persona) this.credits?.chargeIn(tx, { action: 'editPersona', amount: this.credits.costOf('editPersona'), avatarId: id });
    });
    feed.flush();
    return this.require(id);
  }

  move({ id, projectId }: CommandArgs<'avatars.move'>): Avatar {
    const { db, feed, now } = this.ctx;
    db.transaction((tx) => {
      const current = tx.select({ projectId: avatars.projectId }).from(avatars).where(eq(avatars.id, id)).get();
      if (!current) throw avatarNotFound(id);
      assertProjectExists(tx, projectId);
      if (current.projectId === projectId) return;
      tx.update(avatars).set({ projectId, updatedAt: now() }).where(eq(avatars.id, id)).run();
      feed.record(tx, [...changed(id, projectId), { entity: 'project', entityId: current.projectId, kind: 'changed' }]);
    });
    feed.flush();
    return this.require(id);
  }

  /** Row first, files second: a crash in between leaves orphan files, which start-up sweeps. */
  async delete({ id }: CommandArgs<'avatars.delete'>): Promise<{ id: string; projectId: string }> {
    const { db, feed, images } = this.ctx;
    const removed = db.transaction((tx) => {
      const current = tx.select({ projectId: avatars.projectId, format: avatars.imageFormat }).from(avatars).where(eq(avatars.id, id)).get();
      if (!current) throw avatarNotFound(id);
      tx.delete(avatars).where(eq(avatars.id, id)).run();
      feed.record(tx, [
        { entity: 'avatar', entityId: id, kind: 'deleted', projectId: current.projectId },
        { entity: 'project', entityId: current.projectId, kind: 'changed' },
      ]);
      return current;
    });
    feed.flush();
    await images.remove(id, removed.format);
    return { id, projectId: removed.projectId };
  }
}

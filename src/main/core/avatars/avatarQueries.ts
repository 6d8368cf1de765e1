import { desc, eq } from 'drizzle-orm';
import type { Avatar, ImageFormat } from '../../../shared/domain';
import type { Queryable } from '../db/open';
import { avatars } from '../db/schema';
import { rowToAvatar } from './avatarRows';

const newestFirst = [desc(avatars.createdAt), desc(avatars.id)] as const;

export const findAvatar = (db: Queryable, id: string): Avatar | null => {
  const row = db.select().from(avatars).where(eq(avatars.id, id)).get();
  return row ? rowToAvatar(row) : null;
};

export const listAvatars = (db: Queryable, projectId?: string): Avatar[] => {
  const query = db.select().from(avatars);
  const rows = projectId ? query.where(eq(avatars.projectId, projectId)).orderBy(...newestFirst).all() : query.orderBy(...newestFirst).all();
  return rows.map(rowToAvatar);
};

export const findImageFormat = (db: Queryable, id: string): ImageFormat | null =>
  db.select({ format: avatars.imageFormat }).from(avatars).where(eq(avatars.id, id)).get()?.format ?? null;

export const listAvatarFiles = (db: Queryable, projectId?: string): { id: string; format: ImageFormat }[] => {
  const query = db.select({ id: avatars.id, format: avatars.imageFormat }).from(avatars);
  return projectId ? query.where(eq(avatars.projectId, projectId)).all() : query.all();
};

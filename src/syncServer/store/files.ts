import type { Db } from './schema';

/**
 * Uploaded originals and thumbnails, kept as blobs: the original is stored byte for byte as it
 * arrived, which is what lets a client recognise its own upload (docs/sync-api.md).
 */
export interface StoredFile {
  contentType: string;
  bytes: Buffer;
}

export const putFile = (db: Db, url: string, avatarId: string, file: StoredFile): void => {
  db.prepare('INSERT INTO files (url, avatar_id, content_type, bytes) VALUES (?, ?, ?, ?)').run(url, avatarId, file.contentType, file.bytes);
};

export const getFile = (db: Db, url: string): StoredFile | undefined =>
  db.prepare('SELECT content_type AS contentType, bytes FROM files WHERE url = ?').get(url) as StoredFile | undefined;

import { promises as fs } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, ErrorCode } from '../../../shared/errors';

/** What a library folder holds besides its database; anything else in it is not ours to move. */
const DATA_FOLDERS = ['images', 'thumbs', 'references'] as const;
const DB_FILE = 'library.db';

export interface RelocationReport {
  from: string;
  to: string;
  avatars: number;
  files: number;
}

const isInside = (child: string, parent: string): boolean => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

const entriesOf = (dir: string): Promise<string[]> => fs.readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));

const checkTarget = async (from: string, to: string): Promise<void> => {
  if (!path.isAbsolute(to)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'The new library location must be a full path.');
  if (isInside(to, from) || isInside(from, to)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'The new location must not be inside the library, nor the library inside it.');
  const present = await entriesOf(to);
  if (present.length > 0) throw new AppError(ErrorCode.VALIDATION_FAILED, `${to} is not empty: choose an empty or new folder, so nothing there is overwritten.`);
};

const countFiles = async (dir: string): Promise<number> => {
  let count = 0;
  for (const folder of DATA_FOLDERS) count += (await entriesOf(path.join(dir, folder))).length;
  return count;
};

const avatarCount = (file: string, nativeBinding: string | undefined): number => {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding && { nativeBinding }) });
  try {
    return (db.prepare('select count(*) as count from avatars').get() as { count: number }).count;
  } finally {
    db.close();
  }
};

/**
 * Copies a closed library to an empty folder and proves the copy whole — the database through
 * SQLite's backup (a consistent snapshot even with a WAL beside it), every image file, the same
 * counts on both sides — before anything is removed. The caller switches to the copy and only
 * then calls `removeOldLibrary`, so a failure at any step leaves the original untouched.
 */
export const copyLibrary = async (from: string, to: string, { nativeBinding }: { nativeBinding?: string } = {}): Promise<RelocationReport> => {
  const source = path.resolve(from);
  const target = path.resolve(to);
  await checkTarget(source, target);
  await fs.mkdir(target, { recursive: true });
  try {
    const db = new Database(path.join(source, DB_FILE), { fileMustExist: true, ...(nativeBinding && { nativeBinding }) });
    try {
      await db.backup(path.join(target, DB_FILE));
    } finally {
      db.close();
    }
    for (const folder of DATA_FOLDERS) {
      const dir = path.join(source, folder);
      if (await fs.stat(dir).catch(() => null)) {
        await fs.cp(dir, path.join(target, folder), { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
      }
    }
    const [filesBefore, filesAfter] = await Promise.all([countFiles(source), countFiles(target)]);
    const [avatarsBefore, avatarsAfter] = [avatarCount(path.join(source, DB_FILE), nativeBinding), avatarCount(path.join(target, DB_FILE), nativeBinding)];
    if (filesBefore !== filesAfter || avatarsBefore !== avatarsAfter) {
      throw new AppError(ErrorCode.STORAGE_FAILED, `The copy is incomplete (${avatarsAfter} of ${avatarsBefore} avatars, ${filesAfter} of ${filesBefore} files); the library stays where it was.`);
    }
    return { from: source, to: target, avatars: avatarsAfter, files: filesAfter };
  } catch (error) {
    // Only what this call made goes: the folder was empty (or missing) when it started.
    await fs.rm(target, { recursive: true, force: true });
    if (error instanceof AppError) throw error;
    throw new AppError(ErrorCode.STORAGE_FAILED, `Could not copy the library to ${target}: ${(error as Error).message}`);
  }
};

/** After the switch: the old folder's data goes, leaving any files of the user's own. */
export const removeOldLibrary = async (dir: string): Promise<void> => {
  for (const name of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) await fs.rm(path.join(dir, name), { force: true });
  for (const folder of DATA_FOLDERS) await fs.rm(path.join(dir, folder), { recursive: true, force: true });
  if ((await entriesOf(dir)).length === 0) await fs.rmdir(dir).catch(() => undefined);
};

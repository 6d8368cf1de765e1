import { promises as fs } from 'node:fs';
import path from 'node:path';
import { idPattern } from '../../../shared/ids';
import type { ImageFormat, ImageVariant } from '../../../shared/domain';
import { AppError, ErrorCode } from '../../../shared/errors';
import { TEMP_PREFIX, writeFileAtomic } from './atomicWrite';
import type { IngestedImage } from './ingestImage';
import { FILE_EXTENSION } from './sniffFormat';

const avatarIdPattern = idPattern('avatar');

/**
 * The image files of a library: `images/<avatarId>.<ext>` and `thumbs/<avatarId>.jpg`.
 * Names are built only from validated ids, never from user text.
 */
export class ImageStore {
  readonly imagesDir: string;
  readonly thumbsDir: string;

  constructor(readonly libraryDir: string) {
    this.imagesDir = path.join(libraryDir, 'images');
    this.thumbsDir = path.join(libraryDir, 'thumbs');
  }

  async ensureDirs(): Promise<void> {
    await fs.mkdir(this.imagesDir, { recursive: true });
    await fs.mkdir(this.thumbsDir, { recursive: true });
  }

  pathFor(avatarId: string, variant: ImageVariant, format: ImageFormat): string {
    if (!avatarIdPattern.test(avatarId)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Not an avatar id.');
    return variant === 'thumb'
      ? path.join(this.thumbsDir, `${avatarId}.jpg`)
      : path.join(this.imagesDir, `${avatarId}.${FILE_EXTENSION[format]}`);
  }

  async write(avatarId: string, image: IngestedImage): Promise<void> {
    try {
      await Promise.all([
        writeFileAtomic(this.pathFor(avatarId, 'full', image.info.format), image.full),
        writeFileAtomic(this.pathFor(avatarId, 'thumb', image.info.format), image.thumb),
      ]);
    } catch (error) {
      await this.remove(avatarId, image.info.format);
      throw new AppError(ErrorCode.STORAGE_FAILED, `Could not write the image to the library: ${(error as Error).message}`);
    }
  }

  async remove(avatarId: string, format: ImageFormat): Promise<void> {
    await Promise.all([
      fs.rm(this.pathFor(avatarId, 'full', format), { force: true }),
      fs.rm(this.pathFor(avatarId, 'thumb', format), { force: true }),
    ]);
  }

  /** Every file in the image folders, with the avatar id its name claims (null for strays and temp files). */
  async listFiles(): Promise<{ file: string; avatarId: string | null }[]> {
    const found: { file: string; avatarId: string | null }[] = [];
    for (const dir of [this.imagesDir, this.thumbsDir]) {
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const stem = entry.name.startsWith(TEMP_PREFIX) ? '' : entry.name.slice(0, entry.name.indexOf('.'));
        found.push({ file: path.join(dir, entry.name), avatarId: avatarIdPattern.test(stem) ? stem : null });
      }
    }
    return found;
  }
}

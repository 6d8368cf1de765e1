import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import { TEMP_PREFIX, writeFileAtomic } from './atomicWrite';
import { ingestImage } from './ingestImage';

/**
 * Kontext works at about one megapixel and the image travels base64 in a JSON body; a 40 MP photo
 * would cost upload time and hit the service's payload limit without improving the result.
 */
const MAX_SIDE = 1024;
const QUALITY = 95;
const SHA256 = /^[0-9a-f]{64}$/;

export interface StoredReference {
  sha256: string;
  width: number;
  height: number;
}

/**
 * The images jobs are made from (`references/<sha256>.jpg`), kept while any job names one so a
 * recipe from a reference can be re-rendered or varied after its source avatar is gone.
 * Content-addressed: the same reference used a hundred times is one file.
 */
export class ReferenceStore {
  readonly dir: string;

  constructor(libraryDir: string) {
    this.dir = path.join(libraryDir, 'references');
  }

  pathFor(sha256: string): string {
    if (!SHA256.test(sha256)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Not a reference image id.');
    return path.join(this.dir, `${sha256}.jpg`);
  }

  /** Checked like an upload (same limits and codes), upright, stripped, fitted in 1024², JPEG. */
  async save(bytes: Uint8Array): Promise<StoredReference> {
    const checked = await ingestImage(bytes);
    const { default: sharp } = await import('sharp');
    const { data, info } = await sharp(checked.full)
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: QUALITY })
      .toBuffer({ resolveWithObject: true });
    const sha256 = createHash('sha256').update(data).digest('hex');
    const target = this.pathFor(sha256);
    await fs.mkdir(this.dir, { recursive: true });
    const exists = await fs.access(target).then(
      () => true,
      () => false,
    );
    try {
      // Touching a file already there makes it young again, so a start-up sweep in another process
      // cannot take it between this check and the commit of the job that names it.
      if (exists) await fs.utimes(target, new Date(), new Date());
      else await writeFileAtomic(target, data);
    } catch (error) {
      throw new AppError(ErrorCode.STORAGE_FAILED, `Could not keep the reference image in the library: ${(error as Error).message}`);
    }
    return { sha256, width: info.width, height: info.height };
  }

  /** A reference already kept, as save() described it. */
  async describe(sha256: string): Promise<StoredReference> {
    const bytes = await this.read(sha256);
    const { default: sharp } = await import('sharp');
    const { width = 0, height = 0 } = await sharp(bytes).metadata();
    return { sha256, width, height };
  }

  async read(sha256: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.pathFor(sha256));
    } catch {
      throw new AppError(ErrorCode.NOT_FOUND, 'The reference image of this job is missing from the library.');
    }
  }

  /** Removes reference files no job names any more (and stale temp files), leaving young ones to a later start. */
  async sweep(inUse: ReadonlySet<string>, olderThan: number): Promise<number> {
    const entries = await fs.readdir(this.dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of entries) {
      const sha256 = name.endsWith('.jpg') ? name.slice(0, -4) : '';
      const stray = name.startsWith(TEMP_PREFIX) || !SHA256.test(sha256) || !inUse.has(sha256);
      if (!stray) continue;
      const file = path.join(this.dir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile() || stat.mtimeMs > olderThan) continue;
      await fs.rm(file, { force: true });
      removed += 1;
    }
    return removed;
  }
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Avatar } from '../shared/domain';
import { AppError, ErrorCode, isAppError, type AppErrorShape } from '../shared/errors';
import { IMAGE_LIMITS } from '../main/core/images/limits';
import type { personaInput } from './personaOptions';
import { printResult, type Output } from './output';
import type { CliSession } from './session';

interface FileFailure extends AppErrorShape {
  file: string;
}

/** Reads a file for upload, refusing oversize files by their size alone so a huge file is never loaded. */
export const readImageFile = async (file: string): Promise<Buffer> => {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) throw new AppError(ErrorCode.NOT_FOUND, `No such file: ${file}`);
  if (!stat.isFile()) throw new AppError(ErrorCode.VALIDATION_FAILED, `Not a file: ${file}`);
  if (stat.size > IMAGE_LIMITS.maxBytes) {
    throw new AppError(ErrorCode.IMAGE_TOO_LARGE, `${file} is ${(stat.size / 1048576).toFixed(1)} MB; the limit is ${IMAGE_LIMITS.maxBytes / 1048576} MB.`);
  }
  return fs.readFile(file);
};

/**
 * Uploads each file in turn; one bad file does not stop the rest. Any failure makes the whole
 * command fail (exit 1) with every failure listed, next to the avatars that were made.
 */
export const uploadFiles = async (
  session: CliSession,
  output: Output,
  projectId: string,
  files: string[],
  details: ReturnType<typeof personaInput>,
): Promise<void> => {
  const avatars: Avatar[] = [];
  const failures: FileFailure[] = [];
  for (const file of files) {
    try {
      const bytes = await readImageFile(file);
      avatars.push(await session.call('avatars.upload', { projectId, fileName: path.basename(file), bytes, ...details }));
      if (!output.json) process.stdout.write(`uploaded ${file} → ${avatars.at(-1)!.id}\n`);
    } catch (error) {
      if (!isAppError(error)) throw error;
      failures.push({ file, ...error.toShape() });
      if (!output.json) process.stderr.write(`failed   ${file}: [${error.code}] ${error.message}\n`);
    }
  }
  if (failures.length === 0) {
    printResult(output, { avatars }, () => `${avatars.length} avatar(s) uploaded.`);
    return;
  }
  const first = failures[0]!;
  throw new UploadFailed(first.code, `${failures.length} of ${files.length} file(s) failed; first: ${first.file}: ${first.message}`, failures, avatars);
};

/** Carries the per-file report to the top-level error printer. */
export class UploadFailed extends AppError {
  constructor(
    code: AppError['code'],
    message: string,
    readonly files: FileFailure[],
    readonly avatars: Avatar[],
  ) {
    super(code, message);
  }
}

import type { LibraryMove } from '../shared/diagnostics';
import { AppError, ErrorCode } from '../shared/errors';
import { copyLibrary, removeOldLibrary } from './core';

export interface LibraryMoveDeps {
  currentDir(): string;
  nativeBinding: string | undefined;
  /** A folder the user picks, or null when they cancel. */
  chooseFolder(): Promise<string | null>;
  /** Stops the pool and closes the database, so the copy is the whole library. */
  closeLibrary(): Promise<void>;
  /** Back to work on the old folder after a failed copy. */
  reopenLibrary(): Promise<void>;
  rememberLocation(dir: string): void;
  /** Starts the app again on the new folder, after the answer has gone back to the window. */
  restart(): void;
}

/**
 * The desktop's "Move library…": close, copy and prove, remember the new place, remove the old
 * copy, restart there. Any failure before the switch reopens the library where it was.
 */
export const createLibraryMover =
  (deps: LibraryMoveDeps) =>
  async (to: string | undefined): Promise<LibraryMove> => {
    const target = to ?? (await deps.chooseFolder());
    if (!target) throw new AppError(ErrorCode.CANCELLED, 'No folder was chosen; the library stays where it is.');
    const from = deps.currentDir();
    await deps.closeLibrary();
    let report;
    try {
      report = await copyLibrary(from, target, { nativeBinding: deps.nativeBinding });
      deps.rememberLocation(report.to);
    } catch (error) {
      await deps.reopenLibrary();
      throw error;
    }
    await removeOldLibrary(from);
    deps.restart();
    return { ...report, restarting: true };
  };

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLibraryDir, openLibrary, type Library } from '../main/core';
import type { CommandInput, CommandOutput } from '../shared/contract';
import { AppError, ErrorCode } from '../shared/errors';
import type { CommandName } from '../shared/names';

// Built to out/main/cli.js; the migrations ship at the package root.
const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** Opens the library on first use, so `--help` and usage errors never touch the disk. */
export class CliSession {
  private library: Library | null = null;

  constructor(private readonly libraryDir: string | undefined) {}

  async call<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
    this.library ??= await openLibrary({
      dir: this.libraryDir ?? defaultLibraryDir(),
      migrationsFolder: MIGRATIONS_DIR,
      // The app sweeps orphans at its own start; a CLI call must stay quick on a large library.
      sweepOnOpen: false,
    });
    const result = await this.library.router.invoke(command, input, { shell: 'cli' });
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.issues);
    return result.value as CommandOutput<C>;
  }

  async close(): Promise<void> {
    await this.library?.close();
  }
}

export const usageError = (message: string): AppError => new AppError(ErrorCode.VALIDATION_FAILED, message);

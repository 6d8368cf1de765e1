import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLibraryDir, openLibrary, type GenerationOptions, type Library } from '../main/core';
import type { CommandInput, CommandOutput } from '../shared/contract';
import { AppError, ErrorCode } from '../shared/errors';
import type { CommandName } from '../shared/names';

// Built to out/main/cli.js; the migrations ship at the package root.
const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** Opens the library on first use, so `--help` and usage errors never touch the disk. */
export class CliSession {
  private library: Library | null = null;
  private generation: GenerationOptions | undefined;

  constructor(private readonly libraryDir: string | undefined) {}

  /** Before the first call: this session runs generation jobs itself (`avatar-creator generate`). */
  runGenerations(options: GenerationOptions): void {
    this.generation = options;
  }

  async open(): Promise<Library> {
    this.library ??= await openLibrary({
      dir: this.libraryDir ?? defaultLibraryDir(),
      migrationsFolder: MIGRATIONS_DIR,
      // The app sweeps orphans at its own start; a CLI call must stay quick on a large library.
      sweepOnOpen: false,
      ...(this.generation && { generation: this.generation }),
    });
    return this.library;
  }

  async call<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
    await this.open();
    const result = await this.library!.router.invoke(command, input, { shell: 'cli' });
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.issues);
    return result.value as CommandOutput<C>;
  }

  async close(): Promise<void> {
    await this.library?.close();
  }
}

export const usageError = (message: string): AppError => new AppError(ErrorCode.VALIDATION_FAILED, message);

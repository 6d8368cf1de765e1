import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseLibraryDir, createAppLog, createMemorySessionVault, defaultLogDir, openLibrary, openNodeShellSettings, vaultSecrets, type GenerationOptions, type Library, type ShellSettings } from '../main/core';
import type { CommandInput, CommandOutput } from '../shared/contract';
import { AppError, ErrorCode } from '../shared/errors';
import type { CommandName } from '../shared/names';

// Built to out/main/cli.js; the migrations ship at the package root.
const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** How this session's generation is wired, once its settings and token are open. */
export type GenerationFromShell = (shell: ShellSettings) => GenerationOptions;

/** Opens the library (and the settings) on first use, so `--help` and usage errors never touch the disk. */
export class CliSession {
  private library: Library | null = null;
  private generation: GenerationFromShell | undefined;
  private shellSettings: ShellSettings | null = null;

  constructor(private readonly libraryDir: string | undefined) {}

  /** Before the first call: this session runs generation jobs itself (`avatar-creator generate`). */
  runGenerations(generation: GenerationFromShell): void {
    this.generation = generation;
  }

  /** The app's saved settings and HF_TOKEN; a one-shot call need not follow later changes. */
  async settings(): Promise<ShellSettings> {
    return (this.shellSettings ??= await openNodeShellSettings({ env: process.env, watch: false }));
  }

  /** The folder this session works on, without opening it. */
  async libraryFolder(): Promise<{ dir: string; chosenByFlag: boolean }> {
    const shell = await this.settings();
    return { dir: chooseLibraryDir(this.libraryDir, shell.settings.get().libraryLocation), chosenByFlag: this.libraryDir !== undefined };
  }

  async open(): Promise<Library> {
    if (this.library) return this.library;
    const shell = await this.settings();
    // Failures inside the library go to the shared log file; stderr stays for this command's own messages.
    const appLog = createAppLog({ dir: defaultLogDir(), secrets: vaultSecrets(shell.vault) });
    this.library = await openLibrary({
      dir: (await this.libraryFolder()).dir,
      log: appLog.error,
      recentErrors: appLog.recentErrors,
      about: { appVersion: process.env.npm_package_version ?? 'unknown', shell: 'cli' },
      migrationsFolder: MIGRATIONS_DIR,
      // The app sweeps orphans at its own start; a CLI call must stay quick on a large library.
      sweepOnOpen: false,
      settings: shell.settings,
      vault: shell.vault,
      // A Lumiku session lives only as long as this process, unless LUMIKU_SESSION carries one in.
      sync: { vault: createMemorySessionVault({ env: process.env }) },
      ...(this.generation && { generation: this.generation(shell) }),
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
    this.shellSettings?.settings.close();
  }
}

export const usageError = (message: string): AppError => new AppError(ErrorCode.VALIDATION_FAILED, message);

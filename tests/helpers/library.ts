import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary, type Library, type LibraryOptions } from '../../src/main/core';
import type { CommandInput, CommandOutput } from '../../src/shared/contract';
import type { CommandName } from '../../src/shared/names';
import type { Result } from '../../src/shared/result';

export const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

export const tempDir = (label: string): string => mkdtempSync(path.join(os.tmpdir(), `avatar-creator-${label}-`));

export interface TestLibrary {
  dir: string;
  library: Library;
  call<C extends CommandName>(command: C, input: CommandInput<C>): Promise<Result<CommandOutput<C>>>;
  /** Like call, but fails the test on an error envelope. */
  must<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>>;
  dispose(): Promise<void>;
}

export const openTestLibrary = async (options: Partial<LibraryOptions> = {}): Promise<TestLibrary> => {
  const dir = options.dir ?? tempDir('lib');
  const library = await openLibrary({ dir, migrationsFolder: MIGRATIONS, log: () => {}, ...options });
  const call = async <C extends CommandName>(command: C, input: CommandInput<C>) =>
    (await library.router.invoke(command, input, { shell: 'test' })) as Result<CommandOutput<C>>;
  return {
    dir,
    library,
    call,
    async must(command, input) {
      const result = await call(command, input);
      if (!result.ok) throw new Error(`${command} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async dispose() {
      await library.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

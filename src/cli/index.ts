import { Command, CommanderError } from 'commander';
import { ErrorCode, isAppError } from '../shared/errors';
import { registerAvatarCommands } from './avatarCommands';
import { registerCreditCommands } from './creditCommands';
import { registerLibraryCommands } from './libraryCommands';
import { registerGenerateCommand } from './generateCommand';
import { registerPresetCommands } from './presetCommands';
import { registerReferenceCommand } from './referenceCommand';
import { registerSyncCommands } from './syncCommands';
import { registerUsageCommands } from './usageCommands';
import { printError, type Output } from './output';
import { registerProjectCommands } from './projectCommands';
import { CliSession } from './session';
import { UploadFailed } from './uploadFiles';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

const main = async (argv: string[]): Promise<number> => {
  let session = null as CliSession | null;
  const program = new Command('avatar-creator')
    .description('Avatar Creator from the command line: the same library and rules as the desktop app.')
    .option('--library <dir>', 'library folder (default: the desktop app’s own; env AVATAR_CREATOR_LIBRARY)')
    .option('--json', 'print one JSON document on stdout')
    .showHelpAfterError()
    .exitOverride();
  const output = (): Output => ({ json: Boolean(program.opts<{ json?: boolean }>().json) });
  const currentSession = (): CliSession => (session ??= new CliSession(program.opts<{ library?: string }>().library));
  // Usage errors in --json mode must still be one JSON document, not commander's prose.
  program.configureOutput({
    writeErr: (text) => {
      if (!argv.includes('--json')) process.stderr.write(text);
    },
  });

  registerProjectCommands(program, currentSession, output);
  registerAvatarCommands(program, currentSession, output);
  registerUsageCommands(program, currentSession, output);
  registerGenerateCommand(program, currentSession, output);
  registerReferenceCommand(program, currentSession, output);
  registerPresetCommands(program, currentSession, output);
  registerCreditCommands(program, currentSession, output);
  registerLibraryCommands(program, currentSession, output);
  registerSyncCommands(program, currentSession, output);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeErr: (text) => !argv.includes('--json') && process.stderr.write(text) });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      if (argv.includes('--json')) printError({ json: true }, { code: ErrorCode.VALIDATION_FAILED, message: error.message.replace(/^error: /, '') });
      return EXIT_USAGE;
    }
    if (error instanceof UploadFailed) {
      printError(output(), error.toShape(), { files: error.files, avatars: error.avatars });
      return EXIT_FAILURE;
    }
    if (isAppError(error)) {
      printError(output(), error.toShape());
      return EXIT_FAILURE;
    }
    printError(output(), { code: ErrorCode.INTERNAL, message: error instanceof Error ? error.message : String(error) });
    return EXIT_FAILURE;
  } finally {
    await session?.close();
  }
};

process.exitCode = await main(process.argv.slice(2));

import path from 'node:path';
import type { Command } from 'commander';
import { copyLibrary, removeOldLibrary } from '../main/core';
import { printResult, type Output } from './output';
import type { CliSession } from './session';

export const registerLibraryCommands = (program: Command, session: () => CliSession, output: () => Output): void => {
  const library = program.command('library').description('where the library lives');
  library
    .command('where')
    .description('print the library folder this command line uses')
    .action(async () => {
      const { dir } = await session().libraryFolder();
      printResult(output(), { dir }, () => dir);
    });
  library
    .command('move <folder>')
    .description('move the library to an empty folder (close the app and the web bridge first); the app follows it')
    .action(async (folder: string) => {
      const cli = session();
      const { dir: from, chosenByFlag } = await cli.libraryFolder();
      const report = await copyLibrary(from, path.resolve(folder));
      // The app follows a move of its own library; a library named with --library is someone else's choice.
      const followed = !chosenByFlag;
      if (followed) (await cli.settings()).settings.setLibraryLocation(report.to);
      await removeOldLibrary(from);
      printResult(output(), { ...report, followed }, () =>
        [
          `Moved ${report.avatars} avatar(s) and ${report.files} file(s) to ${report.to}.`,
          followed ? 'The desktop app, the web bridge and this command line now use it.' : 'Pass --library with the new folder to use it.',
        ].join('\n'),
      );
    });
};

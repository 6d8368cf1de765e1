import type { Command } from 'commander';
import { addSearchOptions, describePage, isSearch, searchInput, type AvatarListFlags } from './avatarSearchOptions';
import { avatarTable, describeAvatar } from './describe';
import type { Output } from './output';
import { printResult } from './output';
import { addPersonaOptions, personaInput, type PersonaFlags } from './personaOptions';
import type { CliSession } from './session';
import { uploadFiles } from './uploadFiles';

export const registerAvatarCommands = (program: Command, session: () => CliSession, output: () => Output): void => {
  const avatar = program.command('avatar').description('upload, list, show, update, move and delete avatars');

  addPersonaOptions(avatar.command('upload <project> <files...>').description('upload JPEG, PNG or WebP images as avatars')).action(
    async (projectId: string, files: string[], flags: PersonaFlags) => {
      await uploadFiles(session(), output(), projectId, files, personaInput(flags));
    },
  );

  addSearchOptions(
    avatar
      .command('list')
      .description('list avatars, newest first; with --search, --filter, --sort, --limit or --cursor, one page of a search')
      .option('--project <id>', 'only this project'),
  ).action(async (flags: AvatarListFlags) => {
    if (isSearch(flags)) {
      const page = await session().call('avatars.search', searchInput(flags));
      printResult(output(), page, () => describePage(page));
      return;
    }
    const avatars = await session().call('avatars.list', { ...(flags.project !== undefined && { projectId: flags.project }) });
    printResult(output(), avatars, () => avatarTable(avatars));
  });

  avatar
    .command('show <id>')
    .description('show one avatar')
    .action(async (id: string) => {
      const found = await session().call('avatars.get', { id });
      printResult(output(), found, () => describeAvatar(found));
    });

  addPersonaOptions(avatar.command('update <id>').description('change name, persona or attributes ("" clears a field)')).action(
    async (id: string, flags: PersonaFlags) => {
      const updated = await session().call('avatars.update', { id, ...personaInput(flags) });
      printResult(output(), updated, () => describeAvatar(updated));
    },
  );

  avatar
    .command('move <id> <project>')
    .description('move an avatar to another project')
    .action(async (id: string, projectId: string) => {
      const moved = await session().call('avatars.move', { id, projectId });
      printResult(output(), moved, () => `Moved ${moved.name} (${moved.id}) to ${moved.projectId}`);
    });

  avatar
    .command('delete <id>')
    .description('delete an avatar and its image')
    .action(async (id: string) => {
      const deleted = await session().call('avatars.delete', { id });
      printResult(output(), deleted, () => `Deleted avatar ${deleted.id}`);
    });
};

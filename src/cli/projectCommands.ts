import type { Command } from 'commander';
import { describeAvatar, describeProject, projectTable } from './describe';
import type { Output } from './output';
import { printResult } from './output';
import type { CliSession } from './session';

export const registerProjectCommands = (program: Command, session: () => CliSession, output: () => Output): void => {
  const project = program.command('project').description('create, list, show, rename and delete projects');

  project
    .command('create <name>')
    .description('create a project')
    .option('--description <text>', 'what the project is for')
    .action(async (name: string, flags: { description?: string }) => {
      const created = await session().call('projects.create', { name, ...(flags.description !== undefined && { description: flags.description }) });
      printResult(output(), created, () => `Created project ${created.name} (${created.id})`);
    });

  project
    .command('list')
    .description('list projects, newest first')
    .action(async () => {
      const projects = await session().call('projects.list', {});
      printResult(output(), projects, () => projectTable(projects));
    });

  project
    .command('show <id>')
    .description('show a project and its avatars')
    .action(async (id: string) => {
      const detail = await session().call('projects.get', { id });
      printResult(output(), detail, () => [describeProject(detail.project), '', ...detail.avatars.map(describeAvatar)].join('\n'));
    });

  project
    .command('rename <id> <name>')
    .description('rename a project (and optionally change its description)')
    .option('--description <text>', 'new description; "" clears it')
    .action(async (id: string, name: string, flags: { description?: string }) => {
      const updated = await session().call('projects.update', { id, name, ...(flags.description !== undefined && { description: flags.description }) });
      printResult(output(), updated, () => `Renamed project ${updated.id} to ${updated.name}`);
    });

  project
    .command('delete <id>')
    .description('delete a project with all its avatars and their images')
    .action(async (id: string) => {
      const deleted = await session().call('projects.delete', { id });
      printResult(output(), deleted, () => `Deleted project ${deleted.id}`);
    });
};

import type { Command } from 'commander';
import type { LibraryStats, UsageRecord } from '../shared/domain';
import { formatDate, printResult, table, type Output } from './output';
import { usageError, type CliSession } from './session';

interface UseFlags {
  app: string;
  appName?: string;
  action: string;
  referenceId?: string;
  referenceType?: string;
  metadata?: string;
}

const parseMetadata = (text: string | undefined): Record<string, unknown> | undefined => {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError(`--metadata must be a JSON object: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw usageError('--metadata must be a JSON object, like {"frame":12}');
  return value as Record<string, unknown>;
};

const parseLimit = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw usageError('--limit must be a whole number');
  return Number(text);
};

export const usageTable = (records: UsageRecord[]): string =>
  table(
    ['WHEN', 'APP', 'ACTION', 'REFERENCE'],
    records.map((record) => [
      formatDate(record.createdAt),
      record.appName === record.appId ? record.appId : `${record.appName} (${record.appId})`,
      record.action,
      [record.referenceType, record.referenceId].filter(Boolean).join(' ') || '-',
    ]),
  );

export const describeStats = (stats: LibraryStats): string => {
  const activeDays = stats.generationsPerDay.filter((day) => day.completed + day.failed > 0);
  const completed = stats.generationsPerDay.reduce((sum, day) => sum + day.completed, 0);
  const failed = stats.generationsPerDay.reduce((sum, day) => sum + day.failed, 0);
  return [
    `${stats.avatars} avatar(s) in ${stats.projects} project(s)`,
    '',
    'By source',
    ...stats.bySource.map((entry) => `  ${entry.sourceType.padEnd(15)} ${entry.count}`),
    '',
    `Generations, last ${stats.generationsPerDay.length} days (UTC): ${completed} completed, ${failed} failed`,
    ...(activeDays.length === 0 ? ['  (none)'] : activeDays.map((day) => `  ${day.day}  ${day.completed} completed, ${day.failed} failed`)),
    '',
    'Most used',
    table(
      ['ID', 'NAME', 'USES', 'LAST USED'],
      stats.mostUsed.map((avatar) => [avatar.avatarId, avatar.name, String(avatar.usageCount), formatDate(avatar.lastUsedAt)]),
    ),
    '',
    'Per app',
    table(
      ['APP', 'NAME', 'USES', 'LAST USED'],
      stats.perApp.map((app) => [app.appId, app.appName, String(app.count), formatDate(app.lastUsed)]),
    ),
  ].join('\n');
};

/**
 * `avatar use`, `avatar usage` and `stats`. Register after registerAvatarCommands: the first two
 * are subcommands of its `avatar` command.
 */
export const registerUsageCommands = (program: Command, session: () => CliSession, output: () => Output): void => {
  const avatar = program.commands.find((command) => command.name() === 'avatar');
  if (!avatar) throw new Error('registerUsageCommands needs the avatar command: call registerAvatarCommands first.');

  avatar
    .command('use <id>')
    .description('record a use of an avatar by an app (e.g. --app pose-generator --action generate_pose)')
    .requiredOption('--app <appId>', 'id of the app that used it (1–50 characters)')
    .option('--app-name <name>', 'display name of the app (default: the app id)')
    .requiredOption('--action <action>', 'what the app did with it (1–100 characters)')
    .option('--reference-id <id>', 'what the use produced or belongs to, in the app’s terms')
    .option('--reference-type <type>', 'the kind of thing --reference-id names')
    .option('--metadata <json>', 'a JSON object of extra details (at most 4 KB)')
    .action(async (avatarId: string, flags: UseFlags) => {
      const record = await session().call('usage.record', {
        avatarId,
        appId: flags.app,
        appName: flags.appName ?? flags.app,
        action: flags.action,
        ...(flags.referenceId !== undefined && { referenceId: flags.referenceId }),
        ...(flags.referenceType !== undefined && { referenceType: flags.referenceType }),
        ...(flags.metadata !== undefined && { metadata: parseMetadata(flags.metadata) }),
      });
      const used = output().json ? null : await session().call('avatars.get', { id: avatarId });
      printResult(output(), record, () =>
        `Recorded ${record.action} by ${record.appName} on ${used?.name ?? avatarId} (${avatarId}); used ${used?.usageCount ?? '?'} time(s)`,
      );
    });

  avatar
    .command('usage <id>')
    .description('show an avatar’s usage history, newest first')
    .option('--limit <n>', 'how many records (1–500, default 50)')
    .action(async (avatarId: string, flags: { limit?: string }) => {
      const limit = parseLimit(flags.limit);
      const records = await session().call('usage.list', { avatarId, ...(limit !== undefined && { limit }) });
      printResult(output(), records, () => usageTable(records));
    });

  program
    .command('stats')
    .description('library statistics: avatars by source, generations per day, most used avatars, usage per app')
    .action(async () => {
      const stats = await session().call('stats.get', {});
      printResult(output(), stats, () => describeStats(stats));
    });
};

import type { Command } from 'commander';
import type { Preset } from '../shared/domain';
import { formatDate, printResult, table, type Output } from './output';
import { addPersonaOptions, personaInput, type PersonaFlags } from './personaOptions';
import { numeric, providerFlag, runJobsHere, runUntilSettled } from './runGenerations';
import type { CliSession } from './session';

interface UseFlags extends PersonaFlags {
  count?: string;
  seed?: string;
  provider?: string;
}

const presetTable = (presets: Preset[]): string =>
  table(
    ['ID', 'NAME', 'CATEGORY', 'USED', 'KIND'],
    presets.map((preset) => [preset.id, preset.name, preset.category, String(preset.usageCount), preset.isBuiltin ? 'built-in' : 'mine']),
  );

const describePreset = (preset: Preset): string => {
  const { persona, attributes } = preset;
  const fields: [string, string | number | null | undefined][] = [
    ['id', preset.id],
    ['category', preset.category],
    ['kind', preset.isBuiltin ? 'built-in (read-only)' : 'mine'],
    ['description', preset.description],
    ['persona name', persona.name],
    ['persona age', persona.age],
    ['personality', persona.personality?.join(', ')],
    ['background', persona.background],
    ...Object.entries(attributes).map(([key, value]): [string, string | null | undefined] => [key, value]),
    ['prompt', preset.prompt],
    ['preview', preset.previewAvatarId],
    ['used', `${preset.usageCount} time(s)`],
    ['created', formatDate(preset.createdAt)],
  ];
  return [preset.name, ...fields.filter(([, value]) => value !== null && value !== undefined && value !== '').map(([key, value]) => `  ${key.padEnd(13)} ${value}`)].join('\n');
};

export const registerPresetCommands = (program: Command, session: () => CliSession, output: () => Output): void => {
  const preset = program.command('preset').description('list, show, use, save and delete presets (a persona, attributes and a prompt to start from)');

  preset
    .command('list')
    .description('list presets: built-in first, then yours, by name')
    .option('--category <name>', 'professional | casual | sports | fashion | traditional | creative')
    .option('--search <text>', 'words to find in the name, description or prompt')
    .action(async (flags: { category?: string; search?: string }) => {
      const presets = await session().call('presets.list', {
        ...(flags.category !== undefined && { category: flags.category as Preset['category'] }),
        ...(flags.search !== undefined && { query: flags.search }),
      });
      printResult(output(), presets, () => presetTable(presets));
    });

  preset
    .command('show <id>')
    .description('show a preset')
    .action(async (id: string) => {
      const found = await session().call('presets.get', { id });
      printResult(output(), found, () => describePreset(found));
    });

  addPersonaOptions(
    preset
      .command('use <id> <project>')
      .description('make avatars from a preset (persona and attribute flags override it) and wait for them; offline unless HF_TOKEN is set or --provider hf'),
  )
    .option('--count <n>', 'how many avatars (1–100)', '1')
    .option('--seed <n>', 'seed of the first image; the next ones count up (random when omitted)')
    .option('--provider <name>', 'hf (Hugging Face, needs HF_TOKEN) or offline (no network, no token); default: offline until HF_TOKEN is set')
    .action(async (presetId: string, projectId: string, flags: UseFlags) => {
      const provider = providerFlag(flags.provider);
      const cli = session();
      runJobsHere(cli);
      const { name, persona, attributes } = personaInput(flags);
      const seed = numeric(flags.seed);
      const created = await cli.call('presets.use', {
        presetId,
        projectId,
        ...(name !== undefined && { name }),
        ...(persona && { persona }),
        ...(attributes && { attributes }),
        count: numeric(flags.count) as number,
        ...((provider !== undefined || seed !== undefined) && {
          params: { ...(provider !== undefined && { provider }), ...(seed !== undefined && { seed: seed as number }) },
        }),
      });
      await runUntilSettled(cli, output(), created);
    });

  preset
    .command('save <avatar>')
    .description("save an avatar's persona, attributes and prompt as your own preset")
    .requiredOption('--name <name>', 'preset name')
    .requiredOption('--category <name>', 'professional | casual | sports | fashion | traditional | creative')
    .option('--description <text>', 'what the preset is for')
    .action(async (avatarId: string, flags: { name: string; category: string; description?: string }) => {
      const saved = await session().call('presets.create', {
        fromAvatarId: avatarId,
        name: flags.name,
        category: flags.category as Preset['category'],
        ...(flags.description !== undefined && { description: flags.description }),
      });
      printResult(output(), saved, () => `Saved preset ${saved.name} (${saved.id})`);
    });

  preset
    .command('delete <id>')
    .description('delete one of your presets (built-in presets cannot be deleted)')
    .action(async (id: string) => {
      const deleted = await session().call('presets.delete', { id });
      printResult(output(), deleted, () => `Deleted preset ${deleted.id}`);
    });
};

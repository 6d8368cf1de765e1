import path from 'node:path';
import type { Command } from 'commander';
import { ID_PREFIX } from '../shared/ids';
import { REFERENCE_DEFAULTS } from '../shared/vocabulary';
import type { Output } from './output';
import { numeric, runJobsHere, runUntilSettled } from './runGenerations';
import type { CliSession } from './session';
import { readImageFile } from './uploadFiles';

interface ReferenceFlags {
  instruction: string;
  name?: string;
  count?: string;
  seed?: string;
  model?: string;
  endpoint?: string;
  concurrency?: string;
  steps?: string;
  guidance?: string;
}

/** An avatar id is taken as one; anything else is a path to an image file. */
const referenceOf = async (source: string) =>
  source.startsWith(`${ID_PREFIX.avatar}_`) ? { avatarId: source } : { fileName: path.basename(source), bytes: await readImageFile(source) };

export const registerReferenceCommand = (program: Command, session: () => CliSession, output: () => Output): void => {
  program
    .command('reference <project> <avatar-or-file>')
    .description(`new avatars from an avatar (ava_…) or an image file plus an instruction, with ${REFERENCE_DEFAULTS.model} (token from HF_TOKEN)`)
    .requiredOption('--instruction <text>', 'what to change, e.g. "same person, business suit, office background"')
    .option('--name <name>', 'name of the new avatars (numbered when --count > 1)')
    .option('--count <n>', 'how many avatars (1–100)', '1')
    .option('--seed <n>', 'seed of the first image; the next ones count up (random when omitted)')
    .option('--model <id>', `an image-to-image model on Hugging Face (default ${REFERENCE_DEFAULTS.model})`)
    .option('--endpoint <url>', 'a dedicated Inference Endpoint URL')
    .option('--concurrency <n>', 'requests at once (1–32)')
    .option('--steps <n>')
    .option('--guidance <n>')
    .action(async (projectId: string, source: string, flags: ReferenceFlags) => {
      const cli = session();
      const reference = await referenceOf(source);
      runJobsHere(cli, { endpoint: flags.endpoint, concurrency: flags.concurrency });
      const created = await cli.call('generations.fromReference', {
        projectId,
        reference,
        instruction: flags.instruction,
        ...(flags.name !== undefined && { name: flags.name }),
        count: numeric(flags.count) as number,
        params: Object.fromEntries(
          Object.entries({ model: flags.model, seed: numeric(flags.seed), steps: numeric(flags.steps), guidance: numeric(flags.guidance) }).filter(([, value]) => value !== undefined),
        ),
      });
      await runUntilSettled(cli, output(), created);
    });
};

import type { Command } from 'commander';
import type { Output } from './output';
import { addPersonaOptions, personaInput, type PersonaFlags } from './personaOptions';
import { numeric, providerFlag, runJobsHere, runUntilSettled } from './runGenerations';
import type { CliSession } from './session';

interface GenerateFlags extends PersonaFlags {
  prompt?: string;
  negativePrompt?: string;
  count?: string;
  seed?: string;
  model?: string;
  provider?: string;
  endpoint?: string;
  concurrency?: string;
  width?: string;
  height?: string;
  steps?: string;
  guidance?: string;
}

export const registerGenerateCommand = (program: Command, session: () => CliSession, output: () => Output): void => {
  addPersonaOptions(program.command('generate <project>').description('generate avatars with FLUX.1 (token from HF_TOKEN) and wait for them'))
    .option('--prompt <text>', 'free text added to the prompt compiled from persona and attributes')
    .option('--negative-prompt <text>', 'kept with the recipe (FLUX.1 ignores negative prompts)')
    .option('--count <n>', 'how many avatars (1–100)', '1')
    .option('--seed <n>', 'seed of the first image; the next ones count up (random when omitted)')
    .option('--model <id>', 'Hugging Face model, e.g. black-forest-labs/FLUX.1-schnell')
    .option('--provider <name>', 'hf (Hugging Face, needs HF_TOKEN) or offline (no network, no token); default: offline until HF_TOKEN is set')
    .option('--endpoint <url>', 'a dedicated Inference Endpoint URL')
    .option('--concurrency <n>', 'requests at once (1–32)')
    .option('--width <px>')
    .option('--height <px>')
    .option('--steps <n>')
    .option('--guidance <n>')
    .action(async (projectId: string, flags: GenerateFlags) => {
      const provider = providerFlag(flags.provider);
      const cli = session();
      runJobsHere(cli, { endpoint: flags.endpoint, concurrency: flags.concurrency });
      const { name, persona, attributes } = personaInput(flags);
      const created = await cli.call('generations.create', {
        projectId,
        ...(name !== undefined && { name }),
        recipe: {
          ...(persona && { persona }),
          ...(attributes && { attributes }),
          ...(flags.prompt !== undefined && { prompt: flags.prompt }),
          ...(flags.negativePrompt !== undefined && { negativePrompt: flags.negativePrompt }),
        },
        count: numeric(flags.count) as number,
        params: Object.fromEntries(
          Object.entries({ provider, model: flags.model, seed: numeric(flags.seed), width: numeric(flags.width), height: numeric(flags.height), steps: numeric(flags.steps), guidance: numeric(flags.guidance) }).filter(([, value]) => value !== undefined),
        ),
      });
      await runUntilSettled(cli, output(), created);
    });
};

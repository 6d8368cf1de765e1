import type { Command } from 'commander';
import { generationFromEnvironment } from '../main/core';
import type { Generation } from '../shared/domain';
import { AppError, ErrorCode } from '../shared/errors';
import { followGenerations, type JobView } from './followGenerations';
import type { Output } from './output';
import { addPersonaOptions, personaInput, type PersonaFlags } from './personaOptions';
import { ProgressBar } from './progressBar';
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

const PROVIDER_ALIASES: Record<string, 'huggingface'> = { hf: 'huggingface', huggingface: 'huggingface' };

/** Numbers pass through as numbers; anything else is left as text for the shared schema to refuse clearly. */
const numeric = (text: string | undefined): number | string | undefined =>
  text === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;

const jsonLine = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};

const summarize = (jobs: Generation[]) => ({
  total: jobs.length,
  completed: jobs.filter((job) => job.status === 'completed').length,
  failed: jobs.filter((job) => job.status === 'failed').length,
  cancelled: jobs.filter((job) => job.status === 'cancelled').length,
  avatars: jobs.flatMap((job) => (job.avatarId ? [job.avatarId] : [])),
  errors: jobs.flatMap((job) => (job.error && job.status === 'failed' ? [{ id: job.id, ...job.error }] : [])),
});

export const registerGenerateCommand = (program: Command, session: () => CliSession, output: () => Output): void => {
  addPersonaOptions(program.command('generate <project>').description('generate avatars with FLUX.1 (token from HF_TOKEN) and wait for them'))
    .option('--prompt <text>', 'free text added to the prompt compiled from persona and attributes')
    .option('--negative-prompt <text>', 'kept with the recipe (FLUX.1 ignores negative prompts)')
    .option('--count <n>', 'how many avatars (1–100)', '1')
    .option('--seed <n>', 'seed of the first image; the next ones count up (random when omitted)')
    .option('--model <id>', 'Hugging Face model, e.g. black-forest-labs/FLUX.1-schnell')
    .option('--provider <name>', 'hf (Hugging Face)', 'hf')
    .option('--endpoint <url>', 'a dedicated Inference Endpoint URL')
    .option('--concurrency <n>', 'requests at once (1–32)')
    .option('--width <px>')
    .option('--height <px>')
    .option('--steps <n>')
    .option('--guidance <n>')
    .action(async (projectId: string, flags: GenerateFlags) => {
      const provider = PROVIDER_ALIASES[flags.provider ?? 'hf'];
      if (!provider) throw new AppError(ErrorCode.VALIDATION_FAILED, `--provider must be hf; the offline provider arrives with presets.`);
      const concurrency = numeric(flags.concurrency);
      const cli = session();
      cli.runGenerations(
        generationFromEnvironment(process.env, {
          runJobs: true,
          overrides: {
            ...(flags.endpoint !== undefined && { endpointUrl: flags.endpoint }),
            ...(typeof concurrency === 'number' && { concurrency: Math.min(32, Math.max(1, Math.trunc(concurrency))) }),
          },
        }),
      );
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

const runUntilSettled = async (cli: CliSession, output: Output, created: Generation[]): Promise<void> => {
  const library = await cli.open();
  const bar = !output.json && process.stdout.isTTY ? new ProgressBar(created.length) : null;
  const report = (view: JobView, kind: 'changed' | 'progress') => {
    if (bar) return bar.update(view);
    if (kind === 'changed') {
      const { id, status, stage, attempts, avatarId, error } = view.generation;
      jsonLine({ event: 'generation', id, status, stage, attempts, avatarId, error });
    }
  };
  if (!bar) for (const generation of created) jsonLine({ event: 'queued', id: generation.id, name: generation.name, seed: generation.params.seed });

  // Ctrl-C cancels what has not finished, then lets the follow loop settle and report normally.
  let interrupted = false;
  const onInterrupt = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\nCancelling… (Ctrl-C again to quit at once)\n');
    for (const generation of created) void cli.call('generations.cancel', { id: generation.id }).catch(() => undefined);
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  try {
    const { jobs: finished, pausedBy } = await followGenerations(library, created, { onChange: report });
    bar?.done();
    const summary = { ...summarize(finished), pausedBy };
    if (output.json || !bar) jsonLine({ event: 'summary', ...summary });
    else process.stdout.write(`${summary.completed} of ${summary.total} avatar(s) generated${summary.failed ? `, ${summary.failed} failed` : ''}${summary.cancelled ? `, ${summary.cancelled} cancelled` : ''}.\n${summary.errors.map((error) => `  ${error.id}: [${error.code}] ${error.message}`).join('\n')}\n`);
    if (interrupted) process.exitCode = 130;
    else if (summary.completed < summary.total) {
      if (pausedBy) process.stderr.write(`Stopped: ${pausedBy.message}\nThe remaining jobs stay queued and run when generation resumes.\n`);
      process.exitCode = 1;
    }
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
};

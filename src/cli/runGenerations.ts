import { environmentOverrides, generationFromSettings, withOverrides } from '../main/core';
import type { Generation } from '../shared/domain';
import { AppError, ErrorCode } from '../shared/errors';
import type { ProviderKind } from '../shared/vocabulary';
import { followGenerations, type JobView } from './followGenerations';
import type { Output } from './output';
import { ProgressBar } from './progressBar';
import type { CliSession } from './session';

/** What `--provider` accepts, for every command that generates (`generate`, `preset use`). */
export const PROVIDER_ALIASES: Record<string, ProviderKind> = { hf: 'huggingface', huggingface: 'huggingface', offline: 'offline' };

/** The provider a `--provider` flag names; undefined when the flag is absent (the default: offline until HF_TOKEN is set). */
export const providerFlag = (text: string | undefined): ProviderKind | undefined => {
  if (text === undefined) return undefined;
  const kind = PROVIDER_ALIASES[text.trim().toLowerCase()];
  if (!kind) throw new AppError(ErrorCode.VALIDATION_FAILED, `--provider must be hf (Hugging Face) or offline (drawn on this machine, no token).`);
  return kind;
};

/** Numbers pass through as numbers; anything else is left as text for the shared schema to refuse clearly. */
export const numeric = (text: string | undefined): number | string | undefined =>
  text === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;

/**
 * Before the first call: this CLI process runs the jobs it creates, with the app's saved settings,
 * overridden by AVATAR_CREATOR_* variables, overridden by the flags; the token from HF_TOKEN.
 */
export const runJobsHere = (cli: CliSession, flags: { endpoint?: string; concurrency?: string } = {}): void => {
  const concurrency = numeric(flags.concurrency);
  cli.runGenerations(({ settings, vault }) =>
    generationFromSettings({
      settings: withOverrides(settings, {
        ...environmentOverrides(process.env),
        ...(flags.endpoint !== undefined && { endpointUrl: flags.endpoint }),
        ...(typeof concurrency === 'number' && { concurrency: Math.min(32, Math.max(1, Math.trunc(concurrency))) }),
      }),
      secrets: { hfToken: async () => vault.get() },
      runJobs: true,
    }),
  );
};

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

/**
 * Waits for the given jobs: a progress bar on a terminal, JSON lines otherwise; Ctrl-C cancels
 * what has not finished. Exit status 1 when any job did not complete, 130 after Ctrl-C.
 */
export const runUntilSettled = async (cli: CliSession, output: Output, created: Generation[]): Promise<void> => {
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

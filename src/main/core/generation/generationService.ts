import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CommandArgs } from '../../../shared/contract';
import type { Generation, GenerationParamsInput, QueueStatus, Recipe, ResolvedParams } from '../../../shared/domain';
import { AppError, ErrorCode } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { GENERATION_DEFAULTS, GENERATION_LIMITS, REFERENCE_DEFAULTS, type GenerationPriority } from '../../../shared/vocabulary';
import { avatars } from '../db/schema';
import type { LibraryContext } from '../library/context';
import { avatarNotFound } from '../avatars/avatarService';
import { assertProjectExists } from '../projects/projectService';
import { compilePrompt, defaultAvatarName } from './compilePrompt';
import { OFFLINE_MODEL } from './providers/offlineProvider';
import { findGeneration, listGenerations } from './jobQueries';
import { resolveReference } from './referenceSource';
import type { JobStore, NewJob } from './jobStore';
import type { GenerationPool } from './pool';
import type { SettingsSource } from './settings';
import type { CreditBook } from '../credits/creditBook';
import type { CreditAction } from '../../../shared/settings';

const SEED_SPACE = GENERATION_LIMITS.seedMax + 1;

export type EnqueueArgs = CommandArgs<'generations.create'> & { sourceAvatarId?: string | null; presetId?: string | null };

/** Everything that is the same for each job of one request; seeds and names vary by index. */
interface JobPlan {
  projectId: string;
  recipe: Recipe;
  prompt: string;
  negativePrompt: string | null;
  params: Omit<ResolvedParams, 'seed'>;
  firstSeed: number | undefined;
  count: number;
  nameFor: (index: number) => string;
  priority: GenerationPriority | undefined;
  sourceAvatarId: string | null;
  presetId: string | null;
  referenceSha256?: string | null;
}

const numberedName = (name: string, count: number) => (index: number): string => (count > 1 ? `${name} ${index + 1}`.slice(0, 100) : name);

const generationNotFound = (id: string): AppError => new AppError(ErrorCode.NOT_FOUND, `No generation with id ${id}.`);

/** The generation commands: turn a recipe into durable jobs, and steer jobs and the queue. */
export class GenerationService {
  constructor(
    private readonly ctx: LibraryContext,
    private readonly store: JobStore,
    private readonly pool: GenerationPool,
    private readonly settings: SettingsSource,
    private readonly credits: CreditBook,
    private readonly randomSeed: () => number = () => randomInt(0, SEED_SPACE),
  ) {}

  create(args: CommandArgs<'generations.create'>): Generation[] {
    return this.enqueue(args);
  }

  /** "More like this": the avatar's own recipe and settings again, with fresh seeds, remembering the parent. */
  vary({ avatarId, count = 1 }: CommandArgs<'generations.vary'>): Generation[] {
    const source = this.ctx.db
      .select({ projectId: avatars.projectId, name: avatars.name, generationId: avatars.generationId, presetId: avatars.presetId })
      .from(avatars)
      .where(eq(avatars.id, avatarId))
      .get();
    if (!source) throw avatarNotFound(avatarId);
    const job = source.generationId ? findGeneration(this.ctx.db, source.generationId) : null;
    if (!job) throw new AppError(ErrorCode.INVALID_STATE, 'This avatar was not generated here, so it has no recipe to vary.');
    const { seed: _seed, ...params } = job.params;
    const name = `${source.name} variation`.slice(0, 100);
    if (job.referenceSha256 !== null) {
      // The same edit of the same reference, with new seeds.
      return this.commit({
        projectId: source.projectId,
        recipe: job.recipe,
        prompt: job.prompt,
        negativePrompt: job.negativePrompt,
        params,
        firstSeed: undefined,
        count,
        nameFor: numberedName(name, count),
        priority: undefined,
        sourceAvatarId: avatarId,
        presetId: null,
        referenceSha256: job.referenceSha256,
      });
    }
    return this.enqueue({
      projectId: source.projectId,
      recipe: job.recipe,
      params: { ...params, provider: params.provider as GenerationParamsInput['provider'] },
      count,
      name,
      sourceAvatarId: avatarId,
      presetId: source.presetId,
    });
  }

  /**
   * Image-to-image: the reference is checked and kept in the library before any job exists, so a
   * bad file is refused at once and a retry next week still has its image.
   */
  async fromReference({ projectId, reference, instruction, params = {}, count = 1, name, priority }: CommandArgs<'generations.fromReference'>): Promise<Generation[]> {
    assertProjectExists(this.ctx.db, projectId);
    const source = await resolveReference(this.ctx, reference);
    const { image } = source;
    const stored = 'bytes' in image ? await this.ctx.references.save(image.bytes) : await this.ctx.references.describe(image.referenceSha256);
    return this.commit({
      projectId,
      recipe: { persona: source.persona, attributes: source.attributes, prompt: instruction },
      // Kontext takes an instruction, not a description: it is sent as written.
      prompt: instruction,
      negativePrompt: null,
      params: {
        provider: 'huggingface',
        model: params.model ?? REFERENCE_DEFAULTS.model,
        // The result keeps the reference's shape; these record it.
        width: stored.width,
        height: stored.height,
        steps: params.steps ?? REFERENCE_DEFAULTS.steps,
        guidance: params.guidance ?? REFERENCE_DEFAULTS.guidance,
      },
      firstSeed: params.seed,
      count,
      nameFor: numberedName(name ?? (source.name ? `${source.name} (edited)`.slice(0, 100) : 'Edited avatar'), count),
      priority,
      sourceAvatarId: source.avatarId,
      presetId: null,
      referenceSha256: stored.sha256,
    });
  }

  /** Every job is a committed row before its id is returned; the pool is only woken afterwards. */
  enqueue({ projectId, recipe, params = {}, count = 1, name, priority, sourceAvatarId = null, presetId = null }: EnqueueArgs): Generation[] {
    assertProjectExists(this.ctx.db, projectId);
    const defaults = this.settings.generation();
    const provider = params.provider ?? defaults.provider;
    return this.commit({
      projectId,
      recipe,
      ...compilePrompt(recipe),
      params: {
        provider,
        // The offline drawer has one "model"; recording FLUX for it would misdescribe the avatar.
        model: params.model ?? (provider === 'offline' ? OFFLINE_MODEL : defaults.model),
        width: params.width ?? defaults.width,
        height: params.height ?? defaults.height,
        steps: params.steps ?? defaults.steps,
        guidance: params.guidance ?? defaults.guidance,
      },
      firstSeed: params.seed,
      count,
      nameFor: name === undefined ? (index) => defaultAvatarName(recipe, index, count) : numberedName(name, count),
      priority,
      sourceAvatarId,
      presetId,
    });
  }

  private commit(plan: JobPlan): Generation[] {
    const { count, firstSeed } = plan;
    const batchId = count > 1 ? newId('batch') : null;
    const maxAttempts = this.settings.generation().maxAttempts;
    const jobs: NewJob[] = Array.from({ length: count }, (_, index) => ({
      projectId: plan.projectId,
      batchId,
      sourceAvatarId: plan.sourceAvatarId,
      presetId: plan.presetId,
      referenceSha256: plan.referenceSha256 ?? null,
      name: plan.nameFor(index),
      // One request alone is interactive; several are a batch unless the caller says otherwise.
      priority: plan.priority ?? (count > 1 ? 'batch' : 'interactive'),
      maxAttempts,
      recipe: plan.recipe,
      prompt: plan.prompt,
      negativePrompt: plan.negativePrompt,
      // A given seed makes the set reproducible: the first image uses it, the next ones count up.
      params: { ...plan.params, seed: firstSeed === undefined ? this.randomSeed() : (firstSeed + index) % SEED_SPACE },
    }));
    const cost = this.jobCost(plan);
    const what = count === 1 ? 'This avatar' : `These ${count} avatars`;
    const ids = this.store.create(
      jobs.map((job) => ({ ...job, creditCost: cost })),
      (tx) => this.credits.assertAllowed(tx, cost * count, what),
    );
    this.pool.wake();
    return ids.map((id) => this.require(id));
  }

  /** What each job of the plan costs; drawing on this machine spends nothing. */
  private jobCost(plan: JobPlan): number {
    if (plan.params.provider === 'offline') return 0;
    const action: CreditAction = plan.referenceSha256 ? 'fromReference' : plan.presetId ? 'fromPreset' : 'generate';
    return this.credits.costOf(action);
  }

  list(args: CommandArgs<'generations.list'>): Generation[] {
    return listGenerations(this.ctx.db, args);
  }

  require(id: string): Generation {
    const generation = findGeneration(this.ctx.db, id);
    if (!generation) throw generationNotFound(id);
    return generation;
  }

  cancel(id: string): Generation {
    const current = this.require(id);
    if (!this.store.cancel(id)) {
      throw new AppError(ErrorCode.INVALID_STATE, `This generation is ${current.status}; only queued or running ones can be cancelled.`);
    }
    return this.require(id);
  }

  retry(id: string): Generation {
    const current = this.require(id);
    // A retry spends again (the failure was refunded), so it passes the same limits.
    if (!this.store.retry(id, (tx, job) => this.credits.assertAllowed(tx, job.creditCost, 'Retrying it'))) {
      throw new AppError(ErrorCode.INVALID_STATE, `This generation is ${current.status}; only failed or cancelled ones can be retried.`);
    }
    this.pool.wake();
    return this.require(id);
  }

  queueStatus(): QueueStatus {
    return this.pool.status();
  }

  pause(): QueueStatus {
    this.pool.pause();
    return this.pool.status();
  }

  resume(): QueueStatus {
    this.pool.resume();
    return this.pool.status();
  }

  setConcurrency(concurrency: number): QueueStatus {
    this.pool.setConcurrency(concurrency);
    return this.pool.status();
  }
}

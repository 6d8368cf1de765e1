import type { InferSelectModel } from 'drizzle-orm';
import type { Generation, Recipe, ResolvedParams } from '../../../shared/domain';
import type { AppErrorShape, ErrorCode } from '../../../shared/errors';
import type { generations } from '../db/schema';

export type GenerationRow = InferSelectModel<typeof generations>;

/** Stored priorities: higher runs first. */
export const PRIORITY_VALUE = { interactive: 10, batch: 0 } as const;

const parse = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export const rowToGeneration = (row: GenerationRow, avatarId: string | null): Generation => {
  const params = parse<Omit<ResolvedParams, 'provider' | 'model' | 'seed'>>(row.params, { width: 0, height: 0, steps: 0, guidance: 0 });
  const error: AppErrorShape | null = row.errorCode ? { code: row.errorCode as ErrorCode, message: row.errorMessage ?? '' } : null;
  return {
    id: row.id,
    projectId: row.projectId,
    batchId: row.batchId,
    name: row.name,
    status: row.status,
    stage: row.stage,
    progress: row.progress,
    priority: row.priority >= PRIORITY_VALUE.interactive ? 'interactive' : 'batch',
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    error,
    recipe: parse<Recipe>(row.recipe, {}),
    prompt: row.prompt,
    negativePrompt: row.negativePrompt,
    params: { ...params, provider: row.provider, model: row.model, seed: row.seed },
    referenceSha256: row.referenceSha256,
    sourceAvatarId: row.sourceAvatarId,
    avatarId,
    nextAttemptAt: row.nextAttemptAt,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    updatedAt: row.updatedAt,
  };
};

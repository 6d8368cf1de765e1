import { createHash } from 'node:crypto';
import { AppError, ErrorCode } from '../../../shared/errors';
import { ID_PREFIX } from '../../../shared/ids';
import { avatars } from '../db/schema';
import { ingestImage } from '../images/ingestImage';
import type { LibraryContext } from '../library/context';
import type { GenerationRow } from './generationRows';
import type { JobStore } from './jobStore';
import type { ProviderImage } from './provider';

/**
 * The avatar id is derived from the job id, so a job that is retried after a crash between
 * writing its files and committing its row overwrites the same files and can never make a second avatar.
 */
export const avatarIdForJob = (jobId: string): string => {
  const digest = BigInt(`0x${createHash('sha256').update(jobId).digest('hex')}`).toString(36);
  return `${ID_PREFIX.avatar}_${digest.padStart(24, '0').slice(0, 24)}`;
};

const recipeColumns = (job: GenerationRow) => {
  const recipe = JSON.parse(job.recipe) as { persona?: Record<string, unknown>; attributes?: Record<string, unknown> };
  const persona = recipe.persona ?? {};
  const attributes = recipe.attributes ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    personaName: text(persona.name),
    personaAge: typeof persona.age === 'number' ? persona.age : null,
    personaPersonality: JSON.stringify(Array.isArray(persona.personality) ? persona.personality : []),
    personaBackground: text(persona.background),
    gender: text(attributes.gender) as (typeof avatars.$inferInsert)['gender'],
    ageRange: text(attributes.ageRange) as (typeof avatars.$inferInsert)['ageRange'],
    ethnicity: text(attributes.ethnicity),
    bodyType: text(attributes.bodyType),
    hairStyle: text(attributes.hairStyle),
    hairColor: text(attributes.hairColor),
    eyeColor: text(attributes.eyeColor),
    skinTone: text(attributes.skinTone),
    style: text(attributes.style),
  };
};

/**
 * Image first, then avatar row and job completion in one transaction, only if this process
 * still holds the job. Returns false when the job was cancelled meanwhile (its files are removed).
 */
export const saveResult = async (ctx: LibraryContext, store: JobStore, owner: string, job: GenerationRow, image: ProviderImage): Promise<boolean> => {
  let ingested;
  try {
    ingested = await ingestImage(image.bytes);
  } catch (error) {
    const reason = error instanceof AppError ? error.message : String(error);
    throw new AppError(ErrorCode.PROVIDER_BAD_OUTPUT, `The provider returned an image the library cannot use: ${reason}`);
  }
  const avatarId = avatarIdForJob(job.id);
  await ctx.images.write(avatarId, ingested);
  const at = ctx.now();
  const saved = ctx.db.transaction((tx) => {
    if (!store.completeIn(tx, owner, job.id)) return false;
    tx.insert(avatars)
      .values({
        id: avatarId,
        projectId: job.projectId,
        name: job.name || 'Generated avatar',
        ...recipeColumns(job),
        sourceType: job.referenceSha256 ? 'from_reference' : job.presetId ? 'from_preset' : 'text_to_image',
        imageFormat: ingested.info.format,
        imageWidth: ingested.info.width,
        imageHeight: ingested.info.height,
        imageBytes: ingested.info.byteSize,
        imageSha256: ingested.info.sha256,
        generationPrompt: job.prompt,
        negativePrompt: job.negativePrompt,
        seed: job.seed,
        model: job.model,
        provider: job.provider,
        generationParams: job.params,
        generationId: job.id,
        parentAvatarId: job.sourceAvatarId,
        presetId: job.presetId,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .run();
    ctx.feed.record(tx, [
      { entity: 'avatar', entityId: avatarId, kind: 'changed', projectId: job.projectId },
      { entity: 'project', entityId: job.projectId, kind: 'changed' },
    ]);
    return true;
  });
  ctx.feed.flush();
  if (!saved) await ctx.images.remove(avatarId, ingested.info.format);
  return saved;
};

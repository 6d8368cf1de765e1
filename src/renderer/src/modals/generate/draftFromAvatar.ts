import type { Avatar } from '../../../../shared/domain';
import { attributesDraftOf, personaDraftOf } from '../../lib/drafts';
import { DEFAULT_GENERATE_DRAFT, MODEL_OPTIONS, OFFLINE_ENGINE, SIZE_PRESETS, modelOption, type GenerateDraft } from './generateDraft';

const numberParam = (params: Record<string, unknown>, key: string): number | null => {
  const value = params[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/**
 * The generate dialog filled in from an avatar: its persona and appearance as they are now, the
 * free-text prompt it was made with (`prompt`, when known: the avatar keeps only the compiled
 * one), and its model, size, steps, guidance and seed. An uploaded avatar gives what it has.
 */
export const draftFromAvatar = (avatar: Avatar, prompt: string | null): GenerateDraft => {
  const generation = avatar.generation;
  const params = generation?.params ?? {};
  const model =
    generation?.provider === 'offline' ? OFFLINE_ENGINE : (MODEL_OPTIONS.find((option) => option.id === generation?.model)?.id ?? DEFAULT_GENERATE_DRAFT.model);
  const width = numberParam(params, 'width');
  const height = numberParam(params, 'height');
  const steps = numberParam(params, 'steps');
  const guidance = numberParam(params, 'guidance');
  return {
    ...DEFAULT_GENERATE_DRAFT,
    persona: personaDraftOf(avatar.persona),
    attributes: attributesDraftOf(avatar.attributes),
    prompt: prompt ?? '',
    negativePrompt: generation?.negativePrompt ?? '',
    model,
    size: SIZE_PRESETS.find((preset) => preset.width === width && preset.height === height)?.id ?? DEFAULT_GENERATE_DRAFT.size,
    steps: String(steps ?? modelOption(model).steps),
    guidance: guidance === null ? DEFAULT_GENERATE_DRAFT.guidance : String(guidance),
    seed: generation ? String(generation.seed) : '',
    count: '1',
  };
};

/**
 * Whether a model uses the negative prompt, kept in shared (and free of zod) so the renderer can
 * tell the user the truth next to the field instead of pretending it does something.
 */

/** Shown beside the negative-prompt field whenever the chosen model ignores it. */
export const NEGATIVE_PROMPT_NOTE =
  'FLUX.1-dev and FLUX.1-schnell are guidance-distilled: they run without classifier-free guidance, ' +
  'so a negative prompt has no effect on the image. It is still saved with the recipe, for models that use one. ' +
  'To avoid something, describe what you want instead.';

// Matches the FLUX.1 family under any owner or spelling: FLUX.1-dev, FLUX.1-schnell, FLUX.1-Krea-dev, flux1-dev…
const FLUX_1 = /(^|\/)flux\.?1(\b|[-_])/i;

/**
 * False for FLUX.1 models (guidance-distilled, no negative conditioning). Other models are assumed
 * to honour it, since classic diffusion models (Stable Diffusion and kin) do.
 */
export function modelHonoursNegativePrompt(model: string): boolean {
  return !FLUX_1.test(model.trim());
}

import type { Recipe } from '../../../../shared/domain';
import { ProviderError, type ImageProvider, type ProviderContext, type ProviderImage, type ProviderRequest } from '../provider';
import { resolveLook, type OfflineLook } from './offlineLook';

/** What offline avatars record as their model: the DiceBear style that draws them. */
export const OFFLINE_MODEL = 'dicebear/avataaars';
/** Vector art gains nothing above this; larger requests are drawn at this size on the longest side. */
export const OFFLINE_MAX_SIDE = 1024;

type DiceBear = {
  createAvatar: typeof import('@dicebear/core').createAvatar;
  avataaars: typeof import('@dicebear/collection').avataaars;
};
let loaded: Promise<DiceBear> | null = null;
// Loaded on first use: shells that never draw offline (a CLI `project list`) do not pay for the styles.
const loadDiceBear = (): Promise<DiceBear> =>
  (loaded ??= Promise.all([import('@dicebear/core'), import('@dicebear/collection')]).then(([core, collection]) => ({
    createAvatar: core.createAvatar,
    avataaars: collection.avataaars,
  })));

/** avataaars' own "default" eyes, positioned by its base component; replaced by irises in the eye colour. */
const EYES_GROUP = '<g transform="translate(76 90)">';
const DEFAULT_EYES =
  '<path d="M36 22a6 6 0 1 1-12 0 6 6 0 0 1 12 0ZM88 22a6 6 0 1 1-12 0 6 6 0 0 1 12 0Z" fill="#000" fill-opacity=".6"/>';
const irises = (color: string): string =>
  [30, 82]
    .map(
      (cx) =>
        `<circle cx="${cx}" cy="22" r="6.6" fill="#${color}"/>` +
        `<circle cx="${cx}" cy="22" r="6.6" fill="none" stroke="#000" stroke-opacity=".35" stroke-width="1.2"/>` +
        `<circle cx="${cx}" cy="22" r="2.9" fill="#1b1410"/>` +
        `<circle cx="${cx + 2.2}" cy="19.8" r="1.5" fill="#fff" fill-opacity=".9"/>`,
    )
    .join('');
/** Rosy cheeks under the eyes (same coordinates): the young-adult cue, since the style has no age of its own. */
const BLUSH = [20, 92].map((cx) => `<ellipse cx="${cx}" cy="46" rx="11" ry="6.5" fill="#ff7a7a" fill-opacity=".28"/>`).join('');

/** The SVG for a resolved look: one avataaars avatar with every part fixed, irises in the eye colour (and blush when young). */
export const offlineSvg = async (look: OfflineLook, size: number): Promise<string> => {
  const { createAvatar, avataaars } = await loadDiceBear();
  const style = {
    ...avataaars,
    create: (input: Parameters<typeof avataaars.create>[0]) => {
      const result = avataaars.create(input);
      const eyes = `${EYES_GROUP}${DEFAULT_EYES}</g>`;
      // A DiceBear update that redraws the eyes must fail loudly here (and in the tests), not lose the eye colour.
      if (!result.body.includes(eyes)) throw new Error('avataaars eyes changed shape; update offlineProvider irises');
      return { ...result, body: result.body.replace(eyes, `${EYES_GROUP}${look.blush ? BLUSH : ''}${irises(look.eyeColor)}</g>`) };
    },
  };
  return createAvatar(style, {
    seed: 'offline',
    size,
    style: ['default'],
    backgroundColor: [look.backgroundColor],
    backgroundType: ['solid'],
    top: look.top ? [look.top as never] : [],
    topProbability: look.top ? 100 : 0,
    hairColor: [look.hairColor],
    hatColor: [look.clothesColor],
    skinColor: [look.skinColor],
    eyes: ['default'],
    eyebrows: [look.eyebrows as never],
    mouth: [look.mouth as never],
    facialHair: look.facialHair ? [look.facialHair as never] : [],
    facialHairProbability: look.facialHair ? 100 : 0,
    facialHairColor: [look.hairColor],
    accessories: look.accessories ? [look.accessories as never] : [],
    accessoriesProbability: look.accessories ? 100 : 0,
    accessoriesColor: ['262e33'],
    clothing: [look.clothing as never],
    clothingGraphic: [look.clothingGraphic as never],
    clothesColor: [look.clothesColor],
  }).toString();
};

const cancelled = (): ProviderError => new ProviderError('cancelled', 'The generation was cancelled.');

/** The drawn size: the request's, scaled down to at most OFFLINE_MAX_SIDE on the longest side. */
export const offlineSize = (width: number, height: number): { width: number; height: number } => {
  const scale = Math.min(1, OFFLINE_MAX_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
};

/**
 * One avatar as PNG bytes: a pure function of (recipe, seed, size), so the same request always
 * gives byte-identical output. A non-square size is centred on the avatar's own background colour.
 */
export const renderOfflineAvatar = async (recipe: Recipe, seed: number, width: number, height: number): Promise<Buffer> => {
  const look = resolveLook(recipe, seed);
  const size = offlineSize(width, height);
  const side = Math.min(size.width, size.height);
  const svg = await offlineSvg(look, side);
  const { default: sharp } = await import('sharp');
  const background = `#${look.backgroundColor}`;
  return sharp(Buffer.from(svg))
    .resize(size.width, size.height, { fit: 'contain', background })
    .flatten({ background })
    .png()
    .toBuffer();
};

/**
 * Draws avatars on this machine with DiceBear's avataaars style: no network, no token, same
 * recipe and seed → same bytes. Reads the job's recipe (persona and attributes), not the prompt.
 */
export const createOfflineProvider = (): ImageProvider => ({
  kind: 'offline',
  async generate(request: ProviderRequest, context: ProviderContext): Promise<ProviderImage> {
    if (context.signal.aborted) throw cancelled();
    if (request.reference) {
      throw new ProviderError('rejected', 'The offline drawer cannot edit an image: making an avatar from a reference needs Hugging Face (FLUX.1 Kontext).');
    }
    context.onStage('submitting');
    context.onStage('generating');
    let bytes: Buffer;
    try {
      bytes = await renderOfflineAvatar(request.recipe ?? {}, request.seed, request.width, request.height);
    } catch (error) {
      if (context.signal.aborted) throw cancelled();
      throw new ProviderError('bad_output', `The offline drawer failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (context.signal.aborted) throw cancelled();
    return { bytes, mimeType: 'image/png' };
  },
});

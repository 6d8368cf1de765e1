/**
 * Recipe → the avataaars parts the offline provider draws. Every choice is made here, from the
 * recipe first and the seed for whatever it leaves open, so the drawing is a pure function of
 * (recipe, seed). Each choice uses its own seeded pick, so changing one attribute never reshuffles
 * the others.
 *
 * | recipe field           | drawn as                                                                    |
 * |------------------------|-----------------------------------------------------------------------------|
 * | hairStyle (free text)  | avataaars `top`, by keyword table HAIR_STYLES ("long wavy" → curvy, "bob" → |
 * |                        | bob, "afro" → fro, "bald" → none…); unmatched or unset → the gender's pool |
 * | hairColor (free text)  | hair and facial-hair colour, by HAIR_COLORS (+ "dark"/"light" shading, or  |
 * |                        | #rrggbb); unset/unknown → a natural shade picked by the seed                |
 * | skinTone (free text)   | skin colour by SKIN_TONES; unset/unknown → a natural tone by the seed      |
 * | eyeColor (free text)   | iris colour (drawn over the style's eyes) by EYE_COLORS; unset → seed       |
 * | gender                 | hair pool (male short / female long / unisex both), eyebrow weight          |
 * |                        | (natural thick / thin / either), facial hair allowed only for male          |
 * | ageRange (persona.age  | clothing column of the style's row (young casual, mature smarter); mature   |
 * |  when no range: <30    | greys the hair 45% and often adds glasses; young gets rosy cheeks and no    |
 * |  young, <50 adult)     | beard or glasses; unset = adult                                             |
 * | style (free text)      | STYLE_GROUPS row: clothing, clothes palette and background palette          |
 * | persona.personality    | expression: cheerful words → smiles/raised brows, serious → calm mouth      |
 * | ethnicity, bodyType    | not drawn: skin comes only from skinTone; the bust shows no body           |
 */
import type { Recipe } from '../../../../shared/domain';
import { EYE_COLORS, HAIR_COLORS, mix, NATURAL_EYES, NATURAL_HAIR, NATURAL_SKIN, parseColor, SKIN_TONES, type Hex } from './offlineColors';

type AgeBand = 'young' | 'adult' | 'mature';
type GenderKey = 'male' | 'female' | 'unisex';
export type StyleGroup = 'formal' | 'casual' | 'sporty' | 'fashion' | 'traditional' | 'creative' | 'neutral';

/** What gets drawn; every field is a single resolved choice. */
export interface OfflineLook {
  top: string | null;
  hairColor: Hex;
  skinColor: Hex;
  eyeColor: Hex;
  eyebrows: string;
  mouth: string;
  facialHair: string | null;
  accessories: string | null;
  clothing: string;
  clothingGraphic: string;
  clothesColor: Hex;
  backgroundColor: Hex;
  /** Rosy cheeks, drawn by the provider over the style: the young-adult cue. */
  blush: boolean;
  styleGroup: StyleGroup;
}

const MALE_HAIR = ['shortFlat', 'shortRound', 'shortWaved', 'shortCurly', 'theCaesar', 'theCaesarAndSidePart', 'shaggy', 'frizzle', 'dreads01', 'sides'];
const FEMALE_HAIR = ['bob', 'bun', 'curly', 'curvy', 'straight01', 'straight02', 'straightAndStrand', 'longButNotTooLong', 'miaWallace', 'bigHair', 'fro', 'dreads'];
const HAIR_POOLS: Record<GenderKey, string[]> = { male: MALE_HAIR, female: FEMALE_HAIR, unisex: [...MALE_HAIR, ...FEMALE_HAIR] };

/**
 * Hairstyle words → avataaars tops, first match wins (so the specific phrases come first).
 * `null` means no hair drawn (bald). Headwear is drawn only when the text asks for it.
 */
export const HAIR_STYLES: [RegExp, (string | null)[]][] = [
  [/\b(bald|shaved head|clean[- ]shaven head)\b/, [null]],
  [/\b(balding|receding)\b/, ['sides']],
  [/\bhijab|head ?scarf\b/, ['hijab']],
  [/\bturban\b/, ['turban']],
  [/\b(beanie|winter hat|knit hat|toque)\b/, ['winterHat1', 'winterHat02', 'winterHat03', 'winterHat04']],
  [/\b(hat|fedora|cap)\b/, ['hat']],
  [/\b(flower crown|crown braid|braided crown)\b/, ['frida']],
  [/\bafro\b.*\b(band|headband)\b|\b(headband)\b/, ['froBand']],
  [/\bafro|\bfro\b/, ['fro']],
  [/\b(dread|locs|dreadlocks)/, ['dreads', 'dreads01', 'dreads02']],
  [/\b(twists|cornrow)/, ['dreads01', 'dreads02']],
  [/\b(braid|plait)/, ['dreads', 'dreads02']],
  [/\bmullet\b/, ['shaggyMullet']],
  [/\b(undercut|shaved sides?|side[- ]shave|asymmetric)/, ['shavedSides']],
  [/\b(buzz|crew cut|caesar|cropped|close[- ]cropped)\b/, ['theCaesar']],
  [/\b(side[- ]part|slicked|combed|comb[- ]over|pompadour|quiff)/, ['theCaesarAndSidePart', 'shortWaved']],
  [/\b(bun|updo|top ?knot|chignon|ponytail)\b/, ['bun']],
  [/\b(bangs|fringe)\b/, ['miaWallace']],
  [/\bbob\b/, ['bob']],
  [/\b(pixie|short)\b.*\bcurl|\bcurl.*\bshort\b/, ['shortCurly']],
  [/\bpixie\b/, ['shortWaved', 'shortRound']],
  [/\b(frizz|kinky|coily|coils)/, ['frizzle', 'shortCurly']],
  [/\b(short)\b.*\bwav|\bwav.*\bshort\b/, ['shortWaved']],
  [/\b(long|medium|shoulder)\b.*\bcurl|\bcurl.*\b(long|medium)\b/, ['curly', 'bigHair']],
  [/\b(long|medium|shoulder)\b.*\bwav|\bwav.*\b(long|medium)\b/, ['curvy']],
  [/\b(long|shoulder)\b.*\bstraight|\bstraight.*\blong\b/, ['straight01', 'straight02', 'straightAndStrand']],
  [/\b(voluminous|big|blowout)\b/, ['bigHair']],
  [/\b(messy|shaggy|tousled)\b/, ['shaggy']],
  [/\b(curly|curls)\b/, ['curly', 'shortCurly']],
  [/\b(wavy|waves)\b/, ['curvy', 'shortWaved']],
  [/\b(shoulder|medium)\b/, ['longButNotTooLong', 'bob']],
  [/\blong\b/, ['straight01', 'straight02', 'longButNotTooLong', 'curvy', 'straightAndStrand']],
  [/\bstraight\b/, ['straight01', 'straight02', 'shortFlat']],
  [/\b(short|cropped|neat|tidy)\b/, ['shortFlat', 'shortRound', 'shortWaved', 'theCaesarAndSidePart']],
];

export const STYLE_GROUPS: [RegExp, StyleGroup][] = [
  [/professional|business|corporate|formal|office|executive|suit|tailored|smart/, 'formal'],
  [/sport|athlet|fitness|gym|active|runner|yoga/, 'sporty'],
  [/fashion|chic|glam|trendy|vogue|editorial|stylish|haute|couture|runway|elegant/, 'fashion'],
  [/traditional|cultural|heritage|folk|classic|vintage|historic/, 'traditional'],
  [/creative|artist|artsy|fantasy|anime|cartoon|comic|cyber|neon|pop|whimsical|illustrat|punk|retro|bohem|boho/, 'creative'],
  [/casual|everyday|relaxed|street|laid[- ]back|weekend|cozy|cosy/, 'casual'],
];

/** Clothing by style row and age column; the columns of a row never share a garment. */
export const CLOTHING: Record<StyleGroup, Record<AgeBand, string[]>> = {
  formal: { young: ['collarAndSweater'], adult: ['blazerAndShirt'], mature: ['blazerAndSweater'] },
  casual: { young: ['hoodie', 'graphicShirt'], adult: ['shirtCrewNeck', 'shirtVNeck'], mature: ['collarAndSweater', 'blazerAndSweater'] },
  sporty: { young: ['hoodie'], adult: ['shirtScoopNeck', 'shirtCrewNeck'], mature: ['shirtVNeck'] },
  fashion: { young: ['overall', 'graphicShirt'], adult: ['shirtScoopNeck', 'blazerAndSweater'], mature: ['blazerAndShirt'] },
  traditional: { young: ['collarAndSweater'], adult: ['shirtVNeck'], mature: ['blazerAndSweater'] },
  creative: { young: ['overall', 'hoodie'], adult: ['graphicShirt'], mature: ['shirtScoopNeck', 'collarAndSweater'] },
  neutral: { young: ['hoodie', 'shirtCrewNeck'], adult: ['shirtVNeck', 'collarAndSweater', 'shirtScoopNeck'], mature: ['blazerAndSweater', 'blazerAndShirt'] },
};

export const PALETTES: Record<StyleGroup, { clothes: Hex[]; background: Hex[] }> = {
  formal: { clothes: ['262e33', '25557c', '3c4f5c', '929598', '4b3b33'], background: ['dfe6ee', 'e6e1d8', 'd5dde6', 'cfd8dc'] },
  casual: { clothes: ['65c9ff', '5199e4', 'a7ffc4', 'ffafb9', 'ffffb1', 'ff5c5c', 'e6e6e6'], background: ['b6e3f4', 'c0aede', 'd1d4f9', 'ffd5dc', 'ffdfbf'] },
  sporty: { clothes: ['ff5c5c', 'ff488e', '5199e4', '3fbf6f', 'f5a623', '262e33'], background: ['b1e2ff', 'c7f0d8', 'ffe7a8', 'd6f5ff'] },
  fashion: { clothes: ['262e33', 'ff488e', 'e6e6e6', '8a4fbf', 'c9a227', 'ffffff'], background: ['f4d6e0', 'e8dff5', 'f6eee3', 'dcd3f2'] },
  traditional: { clothes: ['8c1c2b', 'd9822b', '1f6f50', '2c3e8c', 'b8860b', '6b3fa0'], background: ['f3e3c3', 'e9d8b4', 'f0d9c4', 'eadfca'] },
  creative: { clothes: ['ff488e', '7b61ff', '00c2a8', 'ffb400', 'ff5c5c'], background: ['c3b8ff', '9bf6ff', 'ffd166', 'ff8fab', 'a0f0c8'] },
  neutral: { clothes: ['262e33', '65c9ff', '5199e4', '25557c', 'e6e6e6', '929598', '3c4f5c', 'ff5c5c'], background: ['b6e3f4', 'c0aede', 'd1d4f9', 'ffd5dc', 'ffdfbf', 'e0e7ee'] },
};

const GRAPHICS = ['bat', 'bear', 'cumbia', 'deer', 'diamond', 'hola', 'pizza'];
const GLASSES = ['prescription01', 'prescription02', 'round'];
const BEARDS: Record<AgeBand, string[]> = { young: [], adult: ['beardLight', 'beardMedium', 'moustacheFancy'], mature: ['beardLight', 'beardMedium', 'beardMajestic', 'moustacheMagnum'] };
/** Percent chance of a beard (male only) and of glasses, by age. */
const BEARD_CHANCE: Record<AgeBand, number> = { young: 0, adult: 35, mature: 60 };
const GLASSES_CHANCE: Record<AgeBand, number> = { young: 0, adult: 12, mature: 55 };
/** Mature hair is greyed by this much towards silver. */
const MATURE_GREY = 0.45;
const SILVER = 'd0d0d0';

type Mood = 'cheerful' | 'serious' | 'neutral';
const CHEERFUL = /cheer|friend|warm|happy|joy|optimis|playful|outgoing|energ|enthusias|bubbly|kind|fun|charis|approachab|sociab|witty|humou?r|bright|caring|empath/;
const SERIOUS = /serious|focus|stoic|reserved|analytic|determin|disciplin|strict|pragmat|method|precise|calm|composed|decisive|meticulous|rigor|stern|intense|brooding/;
const MOUTHS: Record<Mood, string[]> = { cheerful: ['smile', 'twinkle', 'default'], serious: ['serious', 'twinkle'], neutral: ['default', 'smile', 'twinkle'] };
/** Eyebrow shapes by mood; the weight (thin or natural) comes from gender. */
const BROW_SHAPES: Record<Mood, string[]> = { cheerful: ['raisedExcited', 'default'], serious: ['flat', 'default'], neutral: ['default', 'raisedExcited', 'upDown', 'flat'] };
const THIN_BROW: Record<string, string> = { default: 'default', raisedExcited: 'raisedExcited', upDown: 'upDown', flat: 'default' };
const NATURAL_BROW: Record<string, string> = { default: 'defaultNatural', raisedExcited: 'raisedExcitedNatural', upDown: 'upDownNatural', flat: 'flatNatural' };

/** FNV-1a over "seed:key", finished with a murmur mix: one stable pick per choice. */
const hash = (seed: number, key: string): number => {
  let value = 0x811c9dc5;
  for (const char of `${seed}:${key}`) {
    value ^= char.charCodeAt(0);
    value = Math.imul(value, 0x01000193);
  }
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  value ^= value >>> 16;
  return value >>> 0;
};

const picker = (seed: number) => ({
  pick: <T>(key: string, values: readonly T[]): T => values[hash(seed, key) % values.length]!,
  chance: (key: string, percent: number): boolean => hash(seed, key) % 100 < percent,
});

const text = (value: unknown): string => (typeof value === 'string' ? value.toLowerCase() : '');

const ageBand = (recipe: Recipe): AgeBand => {
  const range = recipe.attributes?.ageRange;
  if (range === 'young' || range === 'adult' || range === 'mature') return range;
  const age = recipe.persona?.age;
  if (typeof age === 'number') return age < 30 ? 'young' : age < 50 ? 'adult' : 'mature';
  return 'adult';
};

const genderKey = (recipe: Recipe): GenderKey => {
  const gender = recipe.attributes?.gender;
  return gender === 'male' || gender === 'female' ? gender : 'unisex';
};

export const styleGroup = (style: unknown): StyleGroup => {
  const words = text(style);
  return STYLE_GROUPS.find(([pattern]) => pattern.test(words))?.[1] ?? 'neutral';
};

const mood = (personality: unknown): Mood => {
  const words = Array.isArray(personality) ? personality.map(text).join(' ') : '';
  const cheerful = CHEERFUL.test(words);
  const serious = SERIOUS.test(words);
  return cheerful && !serious ? 'cheerful' : serious && !cheerful ? 'serious' : 'neutral';
};

const hairTops = (hairStyle: unknown): (string | null)[] | null => {
  const words = text(hairStyle);
  if (words === '') return null;
  return HAIR_STYLES.find(([pattern]) => pattern.test(words))?.[1] ?? null;
};

export const resolveLook = (recipe: Recipe, seed: number): OfflineLook => {
  const { pick, chance } = picker(seed);
  const attributes = recipe.attributes ?? {};
  const age = ageBand(recipe);
  const gender = genderKey(recipe);
  const group = styleGroup(attributes.style);
  const feeling = mood(recipe.persona?.personality);
  const described = `${text(attributes.hairStyle)} ${text(attributes.style)}`;

  const top = pick('top', hairTops(attributes.hairStyle) ?? HAIR_POOLS[gender]);
  const baseHair = parseColor(attributes.hairColor, HAIR_COLORS) ?? pick('hairColor', NATURAL_HAIR);
  const hairColor = age === 'mature' ? mix(baseHair, SILVER, MATURE_GREY) : baseHair;

  const wantsBeard = /\b(beard|bearded|goatee|stubble)\b/.test(described);
  const wantsMoustache = /\b(moustache|mustache)\b/.test(described);
  const shaven = /\bclean[- ]shaven\b/.test(described);
  const beardAllowed = gender === 'male' && age !== 'young';
  const facialHair = shaven
    ? null
    : wantsMoustache
      ? pick('facialHair', ['moustacheFancy', 'moustacheMagnum'])
      : wantsBeard
        ? pick('facialHair', ['beardLight', 'beardMedium', 'beardMajestic'])
        : beardAllowed && chance('beard', BEARD_CHANCE[age])
          ? pick('facialHair', BEARDS[age])
          : null;

  const wantsGlasses = /\b(glasses|spectacles|bespectacled)\b/.test(described);
  const accessories = wantsGlasses || chance('glasses', GLASSES_CHANCE[age]) ? pick('accessories', GLASSES) : null;

  const shape = pick('eyebrows', BROW_SHAPES[feeling]);
  const weight = gender === 'male' ? 'natural' : gender === 'female' ? 'thin' : pick('browWeight', ['natural', 'thin'] as const);
  const eyebrows = (weight === 'natural' ? NATURAL_BROW : THIN_BROW)[shape]!;

  return {
    top,
    hairColor,
    skinColor: parseColor(attributes.skinTone, SKIN_TONES) ?? pick('skinColor', NATURAL_SKIN),
    eyeColor: parseColor(attributes.eyeColor, EYE_COLORS) ?? pick('eyeColor', NATURAL_EYES),
    eyebrows,
    mouth: pick('mouth', MOUTHS[feeling]),
    facialHair,
    accessories,
    clothing: pick('clothing', CLOTHING[group][age]),
    clothingGraphic: pick('graphic', GRAPHICS),
    clothesColor: pick('clothesColor', PALETTES[group].clothes),
    backgroundColor: pick('backgroundColor', PALETTES[group].background),
    blush: age === 'young',
    styleGroup: group,
  };
};

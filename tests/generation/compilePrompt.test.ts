import { describe, expect, it } from 'vitest';
import {
  NEGATIVE_PROMPT_NOTE,
  PROMPT_MAX_LENGTH,
  compilePrompt,
  defaultAvatarName,
  modelHonoursNegativePrompt,
} from '../../src/main/core/generation/compilePrompt';
import { GENERATION_LIMITS, HF_MODELS, LIMITS, recipeSchema, type Recipe } from '../../src/shared/domain';

const QUALITY = 'natural skin texture, sharp focus, soft studio lighting, 85mm lens';
const prompt = (recipe: Recipe): string => compilePrompt(recipe).prompt;

const ANA: Recipe = {
  persona: { name: 'Ana', age: 31, personality: ['calm', 'curious'], background: 'Marine biologist from Lisbon.' },
  attributes: {
    gender: 'female',
    ageRange: 'young',
    ethnicity: 'South Asian',
    bodyType: 'athletic',
    hairStyle: 'long wavy',
    hairColor: 'auburn',
    eyeColor: 'green',
    skinTone: 'olive',
    style: 'cinematic noir',
  },
  prompt: 'standing on a rainy street at night',
  negativePrompt: 'blurry',
};

/** Distinct words, so a cut inside a word would be visible; exactly `length` characters. */
const filler = (length: number, word: string): string =>
  Array.from({ length }, (_, i) => `${word}${i}`).join(' ').slice(0, length).trimEnd().padEnd(length, 'x');

const MAXIMAL: Recipe = recipeSchema.parse({
  persona: {
    name: filler(LIMITS.personaName, 'name'),
    age: LIMITS.personaAgeMax,
    personality: Array.from({ length: LIMITS.personalityItems }, (_, i) => filler(LIMITS.personalityItem, `trait${i}x`)),
    background: filler(LIMITS.personaBackground, 'story'),
  },
  attributes: {
    gender: 'unisex',
    ageRange: 'mature',
    ...Object.fromEntries(
      (['ethnicity', 'bodyType', 'hairStyle', 'hairColor', 'eyeColor', 'skinTone', 'style'] as const).map((key) => [key, filler(LIMITS.attribute, key)]),
    ),
  },
  prompt: filler(GENERATION_LIMITS.prompt, 'free'),
  negativePrompt: filler(GENERATION_LIMITS.prompt, 'neg'),
});

/** The same data with every object's keys in reverse insertion order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)])) as T;
}

describe('compilePrompt', () => {
  it('gives exactly these prompts for two representative recipes (a diff here is a visible regression)', () => {
    expect(compilePrompt(ANA)).toEqual({
      prompt:
        'photorealistic portrait photograph of a 31-year-old woman of South Asian descent with long wavy auburn hair, green eyes, ' +
        'olive skin and an athletic build, calm, curious expression, in a cinematic noir style, standing on a rainy street at night, ' +
        `${QUALITY}, backstory: Marine biologist from Lisbon`,
      negativePrompt: 'blurry',
    });
    expect(prompt({ attributes: { gender: 'male', ageRange: 'mature', hairStyle: 'buzz cut', hairColor: 'grey', eyeColor: 'brown eyes' } })).toBe(
      `photorealistic portrait photograph of a middle-aged man with grey hair, a buzz cut and brown eyes, ${QUALITY}`,
    );
  });

  it.each<[string, Recipe]>([
    ['a full recipe', ANA],
    ['a maximal recipe', MAXIMAL],
  ])('is deterministic for %s: repeated calls, copies and reversed key order give byte-identical output', (_, recipe) => {
    const expected = compilePrompt(recipe);
    for (const variant of [recipe, structuredClone(recipe), reverseKeys(recipe)]) {
      for (let call = 0; call < 3; call += 1) expect(compilePrompt(variant)).toStrictEqual(expected);
    }
  });

  it.each<[string, Recipe, string]>([
    ['gender female', { attributes: { gender: 'female' } }, 'an adult woman'],
    ['gender male', { attributes: { gender: 'male' } }, 'an adult man'],
    ['gender unisex', { attributes: { gender: 'unisex' } }, 'an adult person'],
    ['ageRange young', { attributes: { ageRange: 'young' } }, 'a young adult person'],
    ['ageRange adult', { attributes: { ageRange: 'adult' } }, 'an adult person'],
    ['ageRange mature', { attributes: { ageRange: 'mature' } }, 'a middle-aged person'],
    ['persona age', { persona: { age: 31 }, attributes: { ageRange: 'mature' } }, 'a 31-year-old person'],
    ['persona age 80 (article)', { persona: { age: 80 } }, 'an 80-year-old person'],
    ['persona age 18', { persona: { age: 18 } }, 'an 18-year-old person'],
    ['ethnicity', { attributes: { ethnicity: 'South Asian' } }, 'of South Asian descent'],
    ['ethnicity already a phrase', { attributes: { ethnicity: 'Korean heritage' } }, 'person of Korean heritage'],
    ['bodyType', { attributes: { bodyType: 'athletic' } }, 'with an athletic build'],
    ['bodyType with its own noun', { attributes: { bodyType: 'hourglass figure' } }, 'with an hourglass figure'],
    ['hairStyle + hairColor', { attributes: { hairStyle: 'long wavy', hairColor: 'auburn' } }, 'with long wavy auburn hair'],
    ['hair values that say "hair"', { attributes: { hairStyle: 'short hair', hairColor: 'black hair' } }, 'with short black hair,'],
    ['hairStyle that is a noun', { attributes: { hairStyle: 'pixie cut' } }, 'with a pixie cut'],
    ['plural hairStyle', { attributes: { hairStyle: 'box braids', hairColor: 'black' } }, 'with black hair and box braids,'],
    ['eyeColor', { attributes: { eyeColor: 'green' } }, 'with green eyes'],
    ['eyeColor saying "eyes"', { attributes: { eyeColor: 'hazel eyes' } }, 'with hazel eyes,'],
    ['skinTone', { attributes: { skinTone: 'olive' } }, 'with olive skin'],
    ['skinTone with its own noun', { attributes: { skinTone: 'fair complexion' } }, 'with fair complexion,'],
    ['style as a word', { attributes: { style: 'cinematic noir' } }, ', in a cinematic noir style,'],
    ['style already a phrase', { attributes: { style: 'in the style of Vermeer' } }, ', in the style of Vermeer,'],
    ['style naming itself', { attributes: { style: 'oil painting style' } }, ', oil painting style,'],
    ['personality', { persona: { personality: ['calm', 'curious', 'Calm'] } }, ', calm, curious expression,'],
    ['background', { persona: { background: 'Grew up by the sea.' } }, `${QUALITY}, backstory: Grew up by the sea`],
  ])('words %s in natural language', (_, recipe, phrase) => {
    expect(prompt(recipe)).toContain(phrase);
  });

  it('puts every value of a full recipe into the prompt, but not the name (a name pulls towards a real likeness)', () => {
    const text = prompt(ANA);
    const { gender: _gender, ageRange: _ageRange, ...described } = ANA.attributes ?? {};
    for (const value of Object.values(described)) expect(text).toContain(value);
    for (const value of [...(ANA.persona?.personality ?? []), 'woman', '31-year-old', 'Marine biologist from Lisbon', ANA.prompt ?? '']) {
      expect(text).toContain(value);
    }
    expect(text).not.toContain('Ana');
  });

  it.each<[string, Recipe]>([
    ['no fields', {}],
    ['empty parts', { persona: {}, attributes: {} }],
    ['nulls and blanks', { persona: { name: null, age: null, personality: [], background: null }, attributes: { gender: null, style: null }, prompt: '' }],
    ['only whitespace and control characters', { prompt: ' \t\u0000\n ', persona: { personality: [' \u0007 '] } }],
  ])('gives a sensible portrait prompt for an empty recipe (%s)', (_, recipe) => {
    expect(prompt(recipe)).toBe(`photorealistic portrait photograph of an adult person, ${QUALITY}`);
  });

  it('wraps free text that is the only content with the realism and quality terms, without inventing a subject', () => {
    expect(prompt({ prompt: 'a fisherman mending nets at dawn' })).toBe(`photorealistic portrait photograph, a fisherman mending nets at dawn, ${QUALITY}`);
    expect(prompt({ prompt: 'rim light', attributes: { gender: 'female' } })).toBe(
      `photorealistic portrait photograph of an adult woman, rim light, ${QUALITY}`,
    );
  });

  it.each([1, 5, 12, 17])('never describes a minor: persona age %i reads as a young adult', (age) => {
    for (const gender of ['male', 'female', 'unisex', null] as const) {
      const text = prompt({ persona: { age }, attributes: { gender, ageRange: 'mature' } });
      expect(text).toContain('a young adult');
      expect(text).not.toMatch(/\b(child|children|boy|girl|kid|kids|teen|teenager|minor|baby|toddler)\b|\d+-year-old/i);
      expect(defaultAvatarName({ persona: { age }, attributes: { gender } }, 0, 1)).not.toMatch(/child|boy|girl|kid|\d/i);
    }
  });

  it('sanitises user text: control and invisible characters go, punctuation and spacing are tidied', () => {
    const text = prompt({
      attributes: { hairColor: 'au\u200Bburn\u0000', eyeColor: '\u202Egreen' },
      persona: { personality: ['calm\u0007', ' , curious ,'] },
      prompt: ' ,, sunset\tlight ,,  golden\r\nhour ..  ',
    });
    expect(text).toBe(`photorealistic portrait photograph of an adult person with auburn hair and green eyes, calm, curious expression, sunset light, golden hour, ${QUALITY}`);
    expect(prompt(MAXIMAL)).not.toMatch(/\p{Cc}|\p{Cf}| {2}|,\s*,|^[\s,]|[\s,.]$/u);
  });

  it('stays within PROMPT_MAX_LENGTH for a recipe with every field at its maximum, trimming backstory, traits, then free text', () => {
    const text = prompt(MAXIMAL);
    expect(text.length).toBeLessThanOrEqual(PROMPT_MAX_LENGTH);
    expect(text).not.toContain('backstory');
    expect(text).not.toContain('expression');
    expect(text).toContain('photorealistic portrait photograph of a 120-year-old person of ethnicity0');
    for (const key of ['ethnicity', 'bodyType', 'hairStyle', 'hairColor', 'eyeColor', 'skinTone', 'style']) expect(text).toContain(`${key}0`);
    expect(text.endsWith(QUALITY)).toBe(true);
    // The free text is cut at a word boundary: what is kept is a prefix followed, in the original, by a space.
    const kept = text.slice(text.indexOf('free0'), text.length - QUALITY.length - 2);
    expect(MAXIMAL.prompt?.startsWith(kept)).toBe(true);
    expect(MAXIMAL.prompt?.charAt(kept.length)).toBe(' ');
  });

  it('trims in order at every free-text length: traits only once the backstory is gone, free text only once the traits are', () => {
    const base = { persona: { ...MAXIMAL.persona, background: 'Short story.' }, attributes: MAXIMAL.attributes };
    const seen = { backstory: false, someTraits: false, freeCut: false };
    for (let length = 0; length <= GENERATION_LIMITS.prompt; length += 25) {
      const free = filler(length, 'w');
      const text = prompt({ ...base, prompt: free });
      expect(text.length).toBeLessThanOrEqual(PROMPT_MAX_LENGTH);
      const traitsKept = (MAXIMAL.persona?.personality ?? []).filter((trait) => text.includes(trait)).length;
      if (traitsKept > 0) expect(text).toContain('expression');
      if (traitsKept < LIMITS.personalityItems) expect(text).not.toContain('backstory');
      if (free !== '' && !text.includes(free)) expect(traitsKept).toBe(0);
      seen.backstory ||= text.includes('backstory');
      seen.someTraits ||= traitsKept > 0 && traitsKept < LIMITS.personalityItems;
      seen.freeCut ||= !text.includes(free);
    }
    // Every stage of trimming was actually exercised.
    expect(seen).toEqual({ backstory: true, someTraits: true, freeCut: true });
    expect(prompt({ ...base, prompt: '' })).toContain('backstory: Short story');
  });

  it.each<[string, string, string | null]>([
    ['short, used whole', 'Grew up in Lisbon.', 'backstory: Grew up in Lisbon'],
    ['long, first sentence used', `Grew up in Lisbon. ${filler(300, 'more')}`, 'backstory: Grew up in Lisbon'],
    ['long single sentence, left out', filler(300, 'more'), null],
  ])('bounds the backstory (%s)', (_, background, expected) => {
    const text = prompt({ persona: { background } });
    if (expected === null) expect(text).not.toContain('backstory');
    else expect(text.endsWith(expected)).toBe(true);
  });

  it.each<[string, string | undefined, string | null]>([
    ['passed through, trimmed', '  blurry, extra fingers \n', 'blurry, extra fingers'],
    ['control characters removed', 'blurry\u0000 text', 'blurry text'],
    ['empty becomes null', '', null],
    ['blank becomes null', ' \t ', null],
    ['absent becomes null', undefined, null],
  ])('negative prompt: %s', (_, negativePrompt, expected) => {
    expect(compilePrompt(negativePrompt === undefined ? {} : { negativePrompt }).negativePrompt).toBe(expected);
  });

  it.each<[string, boolean]>([
    [HF_MODELS.fluxDev, false],
    [HF_MODELS.fluxSchnell, false],
    ['black-forest-labs/FLUX.1-Krea-dev', false],
    ['someone/flux1-dev-fp8', false],
    ['stabilityai/stable-diffusion-xl-base-1.0', true],
  ])('modelHonoursNegativePrompt(%s) is %s, and the note says why', (model, honours) => {
    expect(modelHonoursNegativePrompt(model)).toBe(honours);
    expect(NEGATIVE_PROMPT_NOTE).toMatch(/FLUX\.1-dev.*schnell.*guidance-distilled.*no effect/s);
  });
});

describe('defaultAvatarName', () => {
  it.each<[string, Recipe, number, number, string]>([
    ['persona name', ANA, 0, 1, 'Ana'],
    ['first of a batch keeps the plain name', ANA, 0, 3, 'Ana'],
    ['later ones are numbered', ANA, 2, 3, 'Ana 3'],
    ['description from hair and gender', { attributes: { gender: 'female', hairColor: 'auburn' } }, 0, 1, 'Auburn-haired woman'],
    ['multi-word hair colour', { attributes: { gender: 'male', hairColor: 'dark brown hair' } }, 1, 2, 'Dark-brown-haired man 2'],
    ['age when no hair colour', { attributes: { gender: 'male', ageRange: 'mature' } }, 0, 1, 'Middle-aged man'],
    ['gender alone', { attributes: { gender: 'unisex' } }, 0, 1, 'Person'],
    ['free text when nothing else', { prompt: 'a fisherman mending nets at dawn by the sea' }, 0, 1, 'A fisherman mending nets at dawn by the'],
    ['fallback', {}, 1, 2, 'Avatar 2'],
    ['blank name falls back', { persona: { name: ' \u0000 ' }, attributes: { gender: 'female' } }, 0, 1, 'Woman'],
  ])('%s', (_, recipe, index, count, expected) => {
    expect(defaultAvatarName(recipe, index, count)).toBe(expected);
  });

  it(`stays within ${LIMITS.avatarName} characters, numbered, without cutting a word`, () => {
    const name = defaultAvatarName(MAXIMAL, 99, GENERATION_LIMITS.count);
    expect(name.length).toBeLessThanOrEqual(LIMITS.avatarName);
    expect(name).toMatch(/^name0 .* 100$/);
    expect(MAXIMAL.persona?.name?.startsWith(name.slice(0, -' 100'.length))).toBe(true);
    expect(MAXIMAL.persona?.name?.charAt(name.length - ' 100'.length)).toBe(' ');
  });
});

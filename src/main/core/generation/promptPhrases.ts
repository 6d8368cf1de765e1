/**
 * The wording tables and phrase builders behind compilePrompt. Every builder reads its inputs in a
 * fixed order and tolerates unvalidated values, so a hand-built recipe cannot throw or smuggle
 * in text the schema would have refused.
 */
import type { Recipe } from '../../../shared/domain';
import { LIMITS, type AgeRange, type Gender } from '../../../shared/vocabulary';
import { article, capitalise, clipAtWord, fragment, naturalList, withoutTrailing } from './promptText';

export type PersonaPart = NonNullable<Recipe['persona']>;
export type AttributesPart = NonNullable<Recipe['attributes']>;

/** Front-loaded: CLIP reads only the first 77 tokens, so the realism cue must come first. */
export const REALISM_LEAD = 'photorealistic portrait photograph';
export const QUALITY_TERMS = 'natural skin texture, sharp focus, soft studio lighting, 85mm lens';

export const GENDER_NOUNS = { male: 'man', female: 'woman', unisex: 'person' } as const satisfies Record<Gender, string>;
// "young" means a young adult: this app never depicts minors, whatever the range is called.
export const AGE_RANGE_WORDS = { young: 'young adult', adult: 'adult', mature: 'middle-aged' } as const satisfies Record<AgeRange, string>;
/** With no age given the subject is still called an adult, so the model never defaults to a child. */
export const DEFAULT_AGE_WORD = 'adult';
export const ADULT_AGE = 18;
/** A backstory longer than this is a biography, not a prompt clause: only its first sentence may be used. */
export const BACKSTORY_MAX = 160;

const HAIR_NOUN = /\s*\bhair$/i;
// Hairstyles that are nouns in their own right read as "a pixie cut", not "pixie cut hair".
const HAIRSTYLE_NOUN = /\b(cut|ponytail|bun|braids?|plaits?|locs|dreadlocks|afro|bob|mohawk|head|updo|cornrows|fringe|bangs)$/i;
const EYE_NOUN = /\s*\beyes?$/i;
const SKIN_NOUN = /\b(skin|complexion|skin tone)$/i;
const BUILD_NOUN = /\b(build|body|figure|frame|physique|stature)$/i;
const DESCENT_NOUN = /\b(descent|heritage|origin|ancestry|background)$/i;
const STYLE_PHRASE = /^(in|as|like|with)\b|\b(style|aesthetic)\b/i;

function lookup<T extends Record<string, string>>(table: T, key: unknown): T[keyof T] | null {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key as keyof T] : null;
}

const attribute = (value: unknown): string => fragment(value, LIMITS.attribute);

/** A persona age wins over the range; an age under 18 is never worded as such. */
export function ageWord(persona: PersonaPart, attributes: AttributesPart): string {
  const age = persona.age;
  if (typeof age === 'number' && Number.isFinite(age)) {
    const years = Math.min(Math.floor(age), LIMITS.personaAgeMax);
    return years >= ADULT_AGE ? `${years}-year-old` : AGE_RANGE_WORDS.young;
  }
  return lookup(AGE_RANGE_WORDS, attributes.ageRange) ?? DEFAULT_AGE_WORD;
}

export const genderNoun = (attributes: AttributesPart): string => lookup(GENDER_NOUNS, attributes.gender) ?? GENDER_NOUNS.unisex;

/** True when the recipe says anything about who is pictured (as opposed to only how). */
export function hasSubjectDetail(persona: PersonaPart, attributes: AttributesPart): boolean {
  const ageGiven = typeof persona.age === 'number' && Number.isFinite(persona.age);
  const worded = lookup(GENDER_NOUNS, attributes.gender) !== null || lookup(AGE_RANGE_WORDS, attributes.ageRange) !== null;
  const described = [attributes.ethnicity, attributes.bodyType, attributes.hairStyle, attributes.hairColor, attributes.eyeColor, attributes.skinTone];
  return ageGiven || worded || described.some((value) => attribute(value) !== '');
}

function hairPhrases(style: string, color: string): string[] {
  const shade = withoutTrailing(color, HAIR_NOUN);
  if (/^bald$/i.test(style)) return ['a bald head'];
  if (HAIRSTYLE_NOUN.test(style)) {
    // Plural styles (braids, bangs, locs) take no article.
    const named = /s$/i.test(style) ? style : `${article(style)} ${style}`;
    return [shade === '' ? '' : `${shade} hair`, named].filter(Boolean);
  }
  const words = [withoutTrailing(style, HAIR_NOUN), shade].filter(Boolean);
  return words.length === 0 ? [] : [`${words.join(' ')} hair`];
}

/** "a young adult woman of South Asian descent with long wavy auburn hair, green eyes, olive skin and an athletic build" */
export function subjectPhrase(persona: PersonaPart, attributes: AttributesPart): string {
  const age = ageWord(persona, attributes);
  const ethnicity = attribute(attributes.ethnicity);
  const eyes = withoutTrailing(attribute(attributes.eyeColor), EYE_NOUN);
  const skin = attribute(attributes.skinTone);
  const build = attribute(attributes.bodyType);
  const features = [
    ...hairPhrases(attribute(attributes.hairStyle), attribute(attributes.hairColor)),
    eyes === '' ? '' : `${eyes} eyes`,
    skin === '' || SKIN_NOUN.test(skin) ? skin : `${skin} skin`,
    build === '' ? '' : `${article(build)} ${BUILD_NOUN.test(build) ? build : `${build} build`}`,
  ].filter(Boolean);
  const descent = ethnicity === '' ? '' : /^of\b/i.test(ethnicity) ? ethnicity : DESCENT_NOUN.test(ethnicity) ? `of ${ethnicity}` : `of ${ethnicity} descent`;
  return [`${article(age)} ${age} ${genderNoun(attributes)}`, descent, features.length > 0 ? `with ${naturalList(features)}` : '']
    .filter(Boolean)
    .join(' ');
}

/** Traits, cleaned and de-duplicated case-insensitively, in the user's order (that order is theirs). */
export function traitList(personality: unknown): string[] {
  if (!Array.isArray(personality)) return [];
  const seen = new Set<string>();
  const traits: string[] = [];
  for (const raw of personality.slice(0, LIMITS.personalityItems)) {
    const trait = fragment(raw, LIMITS.personalityItem);
    const key = trait.toLowerCase();
    if (trait === '' || seen.has(key)) continue;
    seen.add(key);
    traits.push(trait);
  }
  return traits;
}

/** Personality can only be photographed as a face: "calm, curious expression". */
export const expressionPhrase = (traits: readonly string[]): string => (traits.length === 0 ? '' : `${traits.join(', ')} expression`);

/** "cinematic noir" → "in a cinematic noir style"; "watercolor style" or "in the style of…" stay as written. */
export function stylePhrase(value: unknown): string {
  const style = attribute(value);
  if (style === '') return '';
  return STYLE_PHRASE.test(style) ? style : `in ${article(style)} ${style} style`;
}

/** The backstory if it is short, else its first sentence if that is, else nothing (never half a thought). */
export function backstoryPhrase(value: unknown): string {
  const background = fragment(value, LIMITS.personaBackground);
  const firstSentence = fragment(background.split(/(?<=[.!?])\s/)[0], LIMITS.personaBackground);
  const chosen = [background, firstSentence].find((text) => text !== '' && text.length <= BACKSTORY_MAX);
  return chosen === undefined ? '' : `backstory: ${chosen}`;
}

/** "Auburn-haired woman": a short label for when the persona has no name. */
export function shortDescription(recipe: Recipe, max: number): string {
  const persona = recipe.persona ?? {};
  const attributes = recipe.attributes ?? {};
  const color = withoutTrailing(attribute(attributes.hairColor), HAIR_NOUN).replace(/\s+/g, '-');
  const hasAge = (typeof persona.age === 'number' && Number.isFinite(persona.age)) || lookup(AGE_RANGE_WORDS, attributes.ageRange) !== null;
  const descriptor = color !== '' ? `${color}-haired` : hasAge ? ageWord(persona, attributes) : '';
  const noun = lookup(GENDER_NOUNS, attributes.gender);
  if (descriptor !== '' || noun !== null) return capitalise([descriptor, noun ?? GENDER_NOUNS.unisex].filter(Boolean).join(' '));
  return capitalise(clipAtWord(fragment(recipe.prompt, max), max));
}

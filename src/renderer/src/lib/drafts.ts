import type { AgeRange, Attributes, AttributesInput, Gender, Persona, PersonaInput } from '../../../shared/domain';
import { AGE_RANGES, GENDERS, LIMITS } from '../../../shared/vocabulary';

/** What the persona fields hold while being edited: text, exactly as typed. */
export interface PersonaDraft {
  name: string;
  age: string;
  personality: string[];
  background: string;
}

export const TEXT_ATTRIBUTE_KEYS = ['ethnicity', 'bodyType', 'hairStyle', 'hairColor', 'eyeColor', 'skinTone', 'style'] as const;
export type TextAttributeKey = (typeof TEXT_ATTRIBUTE_KEYS)[number];

export type AttributesDraft = { gender: Gender | ''; ageRange: AgeRange | '' } & Record<TextAttributeKey, string>;

export type FieldErrors = Record<string, string>;

export const EMPTY_PERSONA_DRAFT: PersonaDraft = { name: '', age: '', personality: [], background: '' };
export const EMPTY_ATTRIBUTES_DRAFT: AttributesDraft = {
  gender: '',
  ageRange: '',
  ethnicity: '',
  bodyType: '',
  hairStyle: '',
  hairColor: '',
  eyeColor: '',
  skinTone: '',
  style: '',
};

export const personaDraftOf = (persona: Persona): PersonaDraft => ({
  name: persona.name ?? '',
  age: persona.age === null ? '' : String(persona.age),
  personality: [...persona.personality],
  background: persona.background ?? '',
});

export const attributesDraftOf = (attributes: Attributes): AttributesDraft => {
  const draft: AttributesDraft = { ...EMPTY_ATTRIBUTES_DRAFT, gender: attributes.gender ?? '', ageRange: attributes.ageRange ?? '' };
  for (const key of TEXT_ATTRIBUTE_KEYS) draft[key] = attributes[key] ?? '';
  return draft;
};

const parseAge = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

/** Empty strings are sent as they are: the contract turns them into "cleared" (null). */
export const personaInputOf = (draft: PersonaDraft): PersonaInput => ({
  name: draft.name,
  age: parseAge(draft.age),
  personality: draft.personality,
  background: draft.background,
});

export const attributesInputOf = (draft: AttributesDraft): AttributesInput => {
  const input: AttributesInput = {
    gender: GENDERS.find((gender) => gender === draft.gender) ?? null,
    ageRange: AGE_RANGES.find((range) => range === draft.ageRange) ?? null,
    ethnicity: '',
    bodyType: '',
    hairStyle: '',
    hairColor: '',
    eyeColor: '',
    skinTone: '',
    style: '',
  };
  for (const key of TEXT_ATTRIBUTE_KEYS) input[key] = draft[key];
  return input;
};

/** The checks the library makes too, run first so mistakes show at the field without a round trip. */
export const validatePersona = (draft: PersonaDraft): FieldErrors => {
  const errors: FieldErrors = {};
  const age = parseAge(draft.age);
  if (age !== null && (!Number.isInteger(age) || age < LIMITS.personaAgeMin || age > LIMITS.personaAgeMax)) {
    errors['persona.age'] = `Enter a whole number from ${LIMITS.personaAgeMin} to ${LIMITS.personaAgeMax}.`;
  }
  if (draft.name.trim().length > LIMITS.personaName) errors['persona.name'] = `At most ${LIMITS.personaName} characters.`;
  if (draft.background.trim().length > LIMITS.personaBackground) errors['persona.background'] = `At most ${LIMITS.personaBackground} characters.`;
  if (draft.personality.length > LIMITS.personalityItems) errors['persona.personality'] = `At most ${LIMITS.personalityItems} traits.`;
  return errors;
};

export const sameDraft = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

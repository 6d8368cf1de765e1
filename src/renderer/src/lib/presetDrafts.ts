import type { CommandInput } from '../../../shared/contract';
import type { AttributesInput, Preset } from '../../../shared/domain';
import { LIMITS, type PresetCategory } from '../../../shared/vocabulary';
import {
  EMPTY_ATTRIBUTES_DRAFT,
  EMPTY_PERSONA_DRAFT,
  TEXT_ATTRIBUTE_KEYS,
  attributesInputOf,
  personaInputOf,
  validatePersona,
  type AttributesDraft,
  type FieldErrors,
  type PersonaDraft,
} from './drafts';

/** A preset holds only the attributes it cares about; the form shows the rest as "not set". */
export const attributesDraftOfPreset = ({ attributes }: Pick<Preset, 'attributes'>): AttributesDraft => {
  const draft: AttributesDraft = { ...EMPTY_ATTRIBUTES_DRAFT, gender: attributes.gender ?? '', ageRange: attributes.ageRange ?? '' };
  for (const key of TEXT_ATTRIBUTE_KEYS) draft[key] = attributes[key] ?? '';
  return draft;
};

export const personaDraftOfPreset = ({ persona }: Pick<Preset, 'persona'>): PersonaDraft => ({
  ...EMPTY_PERSONA_DRAFT,
  name: persona.name ?? '',
  age: persona.age === null || persona.age === undefined ? '' : String(persona.age),
  personality: [...(persona.personality ?? [])],
  background: persona.background ?? '',
});

/** Only what the user changed from the preset, so the preset's own recipe stays the base. Null when nothing changed. */
export const attributeOverrides = (preset: Pick<Preset, 'attributes'>, draft: AttributesDraft): Partial<AttributesInput> | null => {
  const base = attributesDraftOfPreset(preset);
  const full = attributesInputOf(draft);
  const overrides: Partial<AttributesInput> = {};
  for (const key of Object.keys(base) as (keyof AttributesDraft)[]) {
    if (draft[key].trim() !== base[key].trim()) Object.assign(overrides, { [key]: full[key] });
  }
  return Object.keys(overrides).length > 0 ? overrides : null;
};

export const changedAttributeCount = (preset: Pick<Preset, 'attributes'>, draft: AttributesDraft): number => Object.keys(attributeOverrides(preset, draft) ?? {}).length;

/** The edit form of a user preset, as typed. */
export interface PresetDraft {
  name: string;
  category: PresetCategory;
  description: string;
  prompt: string;
  persona: PersonaDraft;
  attributes: AttributesDraft;
}

export const presetDraftOf = (preset: Preset): PresetDraft => ({
  name: preset.name,
  category: preset.category,
  description: preset.description ?? '',
  prompt: preset.prompt,
  persona: personaDraftOfPreset(preset),
  attributes: attributesDraftOfPreset(preset),
});

export const validatePresetDraft = (draft: PresetDraft): FieldErrors => {
  const errors = validatePersona(draft.persona);
  if (draft.name.trim() === '') errors.name = 'A preset needs a name.';
  else if (draft.name.trim().length > LIMITS.avatarName) errors.name = `At most ${LIMITS.avatarName} characters.`;
  if (draft.description.trim().length > LIMITS.projectDescription) errors.description = `At most ${LIMITS.projectDescription} characters.`;
  return errors;
};

export const presetUpdateInput = (id: string, draft: PresetDraft): CommandInput<'presets.update'> => ({
  id,
  name: draft.name,
  category: draft.category,
  description: draft.description,
  prompt: draft.prompt,
  persona: personaInputOf(draft.persona),
  attributes: attributesInputOf(draft.attributes),
});

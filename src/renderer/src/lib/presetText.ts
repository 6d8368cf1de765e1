import type { Preset } from '../../../shared/domain';
import { PRESET_CATEGORIES, type PresetCategory } from '../../../shared/vocabulary';
import { AGE_RANGE_LABELS, GENDER_LABELS } from './suggestions';

export const PRESET_CATEGORY_LABELS: Record<PresetCategory, string> = {
  professional: 'Professional',
  casual: 'Casual',
  sports: 'Sports',
  fashion: 'Fashion',
  traditional: 'Traditional',
  creative: 'Creative',
};

/** Category order first, then built-ins before the user's own, then by name. */
export const presetOrder = (a: Preset, b: Preset): number =>
  PRESET_CATEGORIES.indexOf(a.category) - PRESET_CATEGORIES.indexOf(b.category) ||
  Number(b.isBuiltin) - Number(a.isBuiltin) ||
  a.name.localeCompare(b.name) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const fold = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Everything a preset says about itself, for the gallery's search box. */
const searchableText = (preset: Preset): string =>
  [
    preset.name,
    preset.description,
    PRESET_CATEGORY_LABELS[preset.category],
    preset.prompt,
    preset.persona.name,
    preset.persona.background,
    ...(preset.persona.personality ?? []),
    ...Object.values(preset.attributes),
  ]
    .filter((part) => typeof part === 'string' && part !== '')
    .join(' ');

/** Lower case, accents and punctuation gone, one space between words. */
const words = (text: string): string => fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Every word typed must start a word somewhere in the preset ("pro bus" finds "Professional … business"). */
export const matchesQuery = (preset: Preset, query: string): boolean => {
  const wanted = words(query).split(' ').filter(Boolean);
  if (wanted.length === 0) return true;
  const haystack = ` ${words(searchableText(preset))}`;
  return wanted.every((word) => haystack.includes(` ${word}`));
};

/** "Female · Adult · Business" — the look at a glance. */
export const presetLook = ({ attributes }: Preset): string =>
  [attributes.gender && GENDER_LABELS[attributes.gender], attributes.ageRange && AGE_RANGE_LABELS[attributes.ageRange], attributes.style]
    .filter(Boolean)
    .join(' · ');

export const usageCountText = (count: number): string => (count === 0 ? 'Not used yet' : count === 1 ? 'Used once' : `Used ${count.toLocaleString()} times`);

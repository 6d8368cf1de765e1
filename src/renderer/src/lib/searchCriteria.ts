import type { CommandInput } from '../../../shared/contract';
import type { AgeRange, Avatar, Gender } from '../../../shared/domain';
import { AGE_RANGES, GENDERS, SEARCH_LIMITS, SOURCE_TYPES, type AvatarSort, type SourceType } from '../../../shared/vocabulary';
import { AGE_RANGE_LABELS, GENDER_LABELS } from './suggestions';

/** What the search bar, the filter chips and the sort menu say, as one value. */
export interface SearchCriteria {
  query: string;
  gender: Gender[];
  ageRange: AgeRange[];
  style: string[];
  sourceType: SourceType[];
  provider: string[];
  model: string[];
  sort: AvatarSort;
}

export const FILTER_KEYS = ['gender', 'ageRange', 'style', 'sourceType', 'provider', 'model'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const EMPTY_CRITERIA: SearchCriteria = { query: '', gender: [], ageRange: [], style: [], sourceType: [], provider: [], model: [], sort: 'newest' };

/**
 * Cards per request. About two screens of cards on a desktop window: the next page is asked for
 * well before the end is reached, and a long scroll costs one small query per page.
 */
export const SEARCH_PAGE_SIZE = 48;

export const SORT_LABELS: Record<AvatarSort, string> = {
  newest: 'Newest',
  most_used: 'Most used',
  recently_used: 'Recently used',
  name: 'Name',
};

export const SOURCE_LABELS: Record<SourceType, string> = {
  uploaded: 'Uploaded',
  text_to_image: 'Generated',
  from_preset: 'From a preset',
  from_reference: 'From a reference',
};

const PROVIDER_LABELS: Record<string, string> = { huggingface: 'Hugging Face', offline: 'Offline' };

export const FILTER_LABELS: Record<FilterKey, string> = {
  gender: 'Gender',
  ageRange: 'Age',
  style: 'Style',
  sourceType: 'Source',
  provider: 'Provider',
  model: 'Model',
};

export const filterValueLabel = (key: FilterKey, value: string): string => {
  switch (key) {
    case 'gender':
      return GENDER_LABELS[value as Gender] ?? value;
    case 'ageRange':
      return AGE_RANGE_LABELS[value as AgeRange] ?? value;
    case 'sourceType':
      return SOURCE_LABELS[value as SourceType] ?? value;
    case 'provider':
      return PROVIDER_LABELS[value] ?? value;
    case 'model':
      // "black-forest-labs/FLUX.1-dev" reads as "FLUX.1-dev"; the owner shows in the tooltip.
      return value.slice(value.lastIndexOf('/') + 1) || value;
    default:
      return value;
  }
};

export const hasFilters = (criteria: SearchCriteria): boolean => FILTER_KEYS.some((key) => criteria[key].length > 0);

/** Anything that makes the grid differ from "the whole project, newest first". */
export const isSearchActive = (criteria: SearchCriteria): boolean =>
  criteria.query.trim() !== '' || criteria.sort !== 'newest' || hasFilters(criteria);

/** The command for one page; empty filters are left out (the contract wants at least one value). */
export const searchInputOf = (criteria: SearchCriteria, projectId: string | null, cursor: string | null, limit = SEARCH_PAGE_SIZE): CommandInput<'avatars.search'> => {
  const query = criteria.query.trim().slice(0, SEARCH_LIMITS.query);
  const input: CommandInput<'avatars.search'> = { sort: criteria.sort, limit };
  if (projectId) input.projectId = projectId;
  if (query) input.query = query;
  for (const key of FILTER_KEYS) {
    const values = criteria[key].slice(0, SEARCH_LIMITS.filterValues);
    if (values.length > 0) (input as Record<string, unknown>)[key] = values;
  }
  if (cursor) input.cursor = cursor;
  return input;
};

/** A stable key for "the same search": the grid starts from the top when it changes. */
export const criteriaKey = (criteria: SearchCriteria): string =>
  JSON.stringify([criteria.query.trim(), criteria.sort, ...FILTER_KEYS.map((key) => [...criteria[key]].sort())]);

export interface FilterOption {
  value: string;
  label: string;
  /** How many of the project's avatars have it. */
  count: number;
  title?: string;
}

const countBy = (avatars: readonly Avatar[], pick: (avatar: Avatar) => string | null | undefined): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const avatar of avatars) {
    const value = pick(avatar);
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
};

const fixedOptions = (key: FilterKey, values: readonly string[], counts: Map<string, number>): FilterOption[] =>
  values.map((value) => ({ value, label: filterValueLabel(key, value), count: counts.get(value) ?? 0 }));

const presentOptions = (key: FilterKey, counts: Map<string, number>): FilterOption[] =>
  [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([value, count]) => ({ value, label: filterValueLabel(key, value), count, ...(key === 'model' && { title: value }) }));

/**
 * What each chip offers, from the project's avatars (all of them are loaded): the fixed words
 * for gender and age; the sources, styles, providers and models that actually occur.
 */
export const filterOptionsOf = (avatars: readonly Avatar[]): Record<FilterKey, FilterOption[]> => {
  const sources = countBy(avatars, (avatar) => avatar.sourceType);
  return {
    gender: fixedOptions('gender', GENDERS, countBy(avatars, (avatar) => avatar.attributes.gender)),
    ageRange: fixedOptions('ageRange', AGE_RANGES, countBy(avatars, (avatar) => avatar.attributes.ageRange)),
    style: presentOptions('style', countBy(avatars, (avatar) => avatar.attributes.style)),
    sourceType: fixedOptions(
      'sourceType',
      SOURCE_TYPES.filter((type) => sources.has(type)),
      sources,
    ),
    provider: presentOptions('provider', countBy(avatars, (avatar) => avatar.generation?.provider)),
    model: presentOptions('model', countBy(avatars, (avatar) => avatar.generation?.model)),
  };
};

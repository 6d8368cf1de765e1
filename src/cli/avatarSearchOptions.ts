import type { Command } from 'commander';
import type { CommandInput } from '../shared/contract';
import type { AvatarPage } from '../shared/domain';
import { AVATAR_SORTS, SEARCH_LIMITS } from '../shared/vocabulary';
import { avatarTable } from './describe';
import { usageError } from './session';

/** `avatar list` flags: --project alone lists as before; any of the others makes it a paged search. */
export interface AvatarListFlags {
  project?: string;
  search?: string;
  filter: string[];
  sort?: string;
  limit?: string;
  cursor?: string;
}

type SearchInput = CommandInput<'avatars.search'>;
type ListKey = 'gender' | 'ageRange' | 'style' | 'sourceType' | 'provider' | 'model';

/** What --filter accepts, with the spellings people type. */
const FILTER_KEYS: Record<string, ListKey | 'projectId'> = {
  gender: 'gender',
  ageRange: 'ageRange',
  'age-range': 'ageRange',
  age_range: 'ageRange',
  style: 'style',
  sourceType: 'sourceType',
  'source-type': 'sourceType',
  source_type: 'sourceType',
  source: 'sourceType',
  provider: 'provider',
  model: 'model',
  project: 'projectId',
};

const FILTER_NAMES = 'gender, ageRange, style, sourceType, provider, model or project';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const addSearchOptions = (command: Command): Command =>
  command
    .option('--search <text>', 'full text over name, persona and prompt; every word must match (as a prefix)')
    .option(
      '--filter <key=value>',
      `${FILTER_NAMES}; repeat it, or use commas ` +
        '(gender=male,female means either; different keys must all match)',
      collect,
      [],
    )
    .option('--sort <order>', `${AVATAR_SORTS.join(', ')} (default newest)`)
    .option('--limit <n>', `avatars per page (default ${SEARCH_LIMITS.pageDefault}, at most ${SEARCH_LIMITS.pageMax})`)
    .option('--cursor <cursor>', 'the next page, as the previous page printed it');

export const isSearch = (flags: AvatarListFlags): boolean =>
  flags.search !== undefined || flags.filter.length > 0 || flags.sort !== undefined || flags.limit !== undefined || flags.cursor !== undefined;

/** `--filter gender=male,female --filter style=noir` → { gender: [male, female], style: [noir] }. */
const parseFilters = (filters: string[]): Map<ListKey | 'projectId', string[]> => {
  const parsed = new Map<ListKey | 'projectId', string[]>();
  for (const filter of filters) {
    let key: ListKey | 'projectId' | null = null;
    for (const part of filter.split(',').map((item) => item.trim())) {
      if (part === '') continue;
      const equals = part.indexOf('=');
      let value = part;
      if (equals >= 0) {
        const name = part.slice(0, equals).trim();
        key = FILTER_KEYS[name] ?? null;
        if (key === null) throw usageError(`--filter: unknown key "${name}"; use ${FILTER_NAMES}`);
        value = part.slice(equals + 1).trim();
        if (value === '') throw usageError(`--filter: ${name} needs a value (${name}=…)`);
      } else if (key === null) {
        throw usageError(`--filter: "${part}" needs a key (key=value)`);
      }
      parsed.set(key, [...(parsed.get(key) ?? []), value]);
    }
  }
  return parsed;
};

const wholeNumber = (text: string): number => {
  if (!/^\d{1,6}$/.test(text.trim())) throw usageError(`--limit must be a whole number from 1 to ${SEARCH_LIMITS.pageMax}`);
  return Number(text);
};

/** The `avatars.search` input; the router validates every value (a bad gender or limit is VALIDATION_FAILED). */
export const searchInput = (flags: AvatarListFlags): SearchInput => {
  const filters = parseFilters(flags.filter);
  const projects = new Set([...(flags.project === undefined ? [] : [flags.project]), ...(filters.get('projectId') ?? [])]);
  if (projects.size > 1) throw usageError('one project at a time (--project and --filter project= must agree)');
  filters.delete('projectId');
  return {
    ...(flags.search !== undefined && { query: flags.search }),
    ...(projects.size === 1 && { projectId: [...projects][0] }),
    ...Object.fromEntries(filters),
    ...(flags.sort !== undefined && { sort: flags.sort as SearchInput['sort'] }),
    ...(flags.limit !== undefined && { limit: wholeNumber(flags.limit) }),
    ...(flags.cursor !== undefined && { cursor: flags.cursor }),
  };
};

export const describePage = (page: AvatarPage): string =>
  [avatarTable(page.items), '', `${page.items.length} of ${page.total}`, ...(page.nextCursor ? [`next page: --cursor ${page.nextCursor}`] : [])].join('\n');

import { useEffect, useRef } from 'react';
import type { AvatarSort } from '../../../../shared/vocabulary';
import { plural } from '../../lib/format';
import { FILTER_KEYS, FILTER_LABELS, type FilterKey, type FilterOption, type SearchCriteria } from '../../lib/searchCriteria';
import { FilterChip } from './FilterChip';
import { SearchField } from './SearchField';
import { SortMenu } from './SortMenu';
import './search.css';

export type Filters = Omit<SearchCriteria, 'query'>;

interface SearchToolbarProps {
  text: string;
  onTextChange(text: string): void;
  filters: Filters;
  onFiltersChange(filters: Filters): void;
  options: Record<FilterKey, FilterOption[]>;
  active: boolean;
  loading: boolean;
  /** "42 of 1,204": matches (null before the first answer) of everything in scope. */
  matches: number | null;
  of: number;
  onClearAll(): void;
}

/** Chips for filters whose values come from the project only show when the project has some (or one is set). */
const ALWAYS_SHOWN: readonly FilterKey[] = ['gender', 'ageRange'];

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');

/** Search box and filter chips, then how many match, clear all and sort: above the grid of one project. */
export const SearchToolbar = ({ text, onTextChange, filters, onFiltersChange, options, active, loading, matches, of, onClearAll }: SearchToolbarProps) => {
  const inputRef = useRef<HTMLInputElement>(null);

  // "/" or Ctrl/Cmd-F jumps to the search box, as in most apps with one (not while typing elsewhere, not under a dialog).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('.modal-layer')) return;
      const find = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f';
      if (!find && (event.key !== '/' || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const setFilter = (key: FilterKey, values: string[]) => onFiltersChange({ ...filters, [key]: values });
  const chips = FILTER_KEYS.filter((key) => ALWAYS_SHOWN.includes(key) || options[key].length > 0 || filters[key].length > 0);

  return (
    <div className="search-toolbar" role="search" aria-label="Search this project">
      <div className="search-toolbar__query">
        <SearchField ref={inputRef} value={text} onChange={onTextChange} label="Search avatars" placeholder="Search names, personas, prompts…" busy={loading} />
        <div className="search-toolbar__chips" role="group" aria-label="Filters">
          {chips.map((key) => (
            <FilterChip key={key} label={FILTER_LABELS[key]} options={options[key]} selected={filters[key]} onChange={(values) => setFilter(key, values)} />
          ))}
        </div>
      </div>
      <div className="search-toolbar__results">
        <p className="search-toolbar__count" role="status" data-testid="search-count">
          {!active ? plural(of, 'avatar') : matches === null ? 'Searching…' : `${matches.toLocaleString()} of ${of.toLocaleString()}`}
        </p>
        {active && (
          <button type="button" className="btn btn--ghost btn--small" onClick={onClearAll}>
            Clear all
          </button>
        )}
        <SortMenu value={filters.sort} onChange={(sort: AvatarSort) => onFiltersChange({ ...filters, sort })} />
      </div>
    </div>
  );
};

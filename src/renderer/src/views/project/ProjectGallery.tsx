import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Avatar, ProjectSummary } from '../../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { SearchToolbar, type Filters } from '../../components/search/SearchToolbar';
import type { BulkOutcome, BulkTarget } from '../../components/selection/BulkActionDialog';
import { BulkDeleteDialog, BulkMoveDialog } from '../../components/selection/BulkDialogs';
import { SelectionBar } from '../../components/selection/SelectionBar';
import { Spinner } from '../../components/Spinner';
import { useAppStore } from '../../hooks/appContext';
import { useAvatarSearch } from '../../hooks/useAvatarSearch';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useSelection, type SelectMode } from '../../hooks/useSelection';
import { describeError } from '../../lib/errorText';
import { EMPTY_CRITERIA, filterOptionsOf, hasFilters, type SearchCriteria } from '../../lib/searchCriteria';
import { AvatarGrid } from './AvatarGrid';
import './ProjectGallery.css';

/** Typing settles this long before a search is sent. */
const SEARCH_DEBOUNCE_MS = 150;

const { query: _query, ...NO_FILTERS } = EMPTY_CRITERIA;
const NOTHING: ReadonlySet<string> = new Set();

interface ProjectGalleryProps {
  project: ProjectSummary;
  /** Every avatar of the project, newest first, kept current by pushed events. */
  avatars: readonly Avatar[];
  openId: string | null;
  onOpen(id: string | null): void;
}

type Bulk = { kind: 'delete' | 'move'; targets: BulkTarget[] };

/**
 * The project's avatars, or (while a search, filter or sort is active) the library's answer to
 * `avatars.search` for this project, paged in as the grid scrolls. Plus multi-select and the
 * bulk actions on it.
 *
 * Results follow pushed events through the store: each shows its current copy, and one deleted
 * or moved away disappears. An edited avatar that no longer matches stays until the next query,
 * and one added meanwhile shows up on the next query: the library decides what matches.
 */
export const ProjectGallery = ({ project, avatars, openId, onOpen }: ProjectGalleryProps) => {
  const [text, setText] = useState('');
  const query = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const criteria = useMemo<SearchCriteria>(() => ({ ...filters, query }), [filters, query]);
  const search = useAvatarSearch(criteria, project.id);
  const { results } = search;
  const projectCount = useAppStore((state) => state.projects.find((entry) => entry.id === project.id)?.avatarCount ?? project.avatarCount);

  const byId = useMemo(() => new Map(avatars.map((avatar) => [avatar.id, avatar])), [avatars]);
  const shown = useMemo(() => {
    if (!search.active || !results) return avatars;
    return results.items.flatMap((item) => {
      const current = byId.get(item.id);
      if (!current) return [];
      return [current.updatedAt >= item.updatedAt ? current : item];
    });
  }, [avatars, byId, results, search.active]);
  const options = useMemo(() => filterOptionsOf(avatars), [avatars]);

  const selection = useSelection(shown);
  // The selection's functions never change; its ids do. Cards re-render only when theirs changes.
  const { select, selectAll, set: setSelection, clear: clearSelection } = selection;
  const selectedIds = selection.ids;
  /** Just the avatar open in the panel, selected by opening it: shown as open, not as a selection (no check boxes, no bar). */
  const onlyOpen = openId !== null && selectedIds.size === 1 && selectedIds.has(openId);
  const [bulk, setBulk] = useState<Bulk | null>(null);
  const otherProjects = useAppStore((state) => state.projects.some((entry) => entry.id !== project.id));

  // Closing the panel lets go of the one avatar it showed; a wider selection stays.
  const lastOpen = useRef(openId);
  useEffect(() => {
    const closed = lastOpen.current;
    lastOpen.current = openId;
    if (closed && !openId && selectedIds.size === 1 && selectedIds.has(closed)) clearSelection();
  }, [clearSelection, openId, selectedIds]);

  const open = useCallback(
    (id: string) => {
      select(id, 'only');
      onOpen(id);
    },
    [onOpen, select],
  );

  /** The panel shows one avatar: it closes when the selection becomes anything else. */
  const afterSelect = useCallback(
    (next: ReadonlySet<string>) => {
      if (openId && !(next.size === 1 && next.has(openId))) onOpen(null);
    },
    [onOpen, openId],
  );

  const onSelect = useCallback((id: string, mode: SelectMode, from?: string) => afterSelect(select(id, mode, from)), [afterSelect, select]);
  const onSelectAll = useCallback(() => afterSelect(selectAll()), [afterSelect, selectAll]);

  const targetsOf = useCallback((ids: Iterable<string>): BulkTarget[] => {
    const wanted = new Set(ids);
    return shown.filter((avatar) => wanted.has(avatar.id)).map(({ id, name }) => ({ id, name }));
  }, [shown]);

  const onDeleteKey = useCallback(
    (focusedId: string) => {
      if (selectedIds.size > 0) return setBulk({ kind: 'delete', targets: targetsOf(selectedIds) });
      select(focusedId, 'only');
      setBulk({ kind: 'delete', targets: targetsOf([focusedId]) });
    },
    [select, selectedIds, targetsOf],
  );

  const onBulkFinished = (outcome: BulkOutcome) => {
    // What failed stays selected, to try again or look at.
    setSelection(outcome.failed.map((failure) => failure.id));
  };

  const closeBulk = () => {
    setBulk(null);
    // The button that opened the dialog may have gone with the selection bar: back to the grid, not to <body>.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) document.querySelector<HTMLElement>('.avatar-grid [role="option"][tabindex="0"]')?.focus();
    });
  };

  const clearAll = () => {
    setText('');
    setFilters(NO_FILTERS);
  };

  const removedSinceQuery = results ? results.items.length - shown.length : 0;
  const matches = search.active && results && !search.loading ? Math.max(0, results.total - removedSinceQuery) : null;
  const stale = search.active && (search.loading || !results);
  const failed = search.active && !search.loading && results?.error;
  const gridKey = search.active && results ? `search:${results.key}` : 'all';

  let body;
  if (failed && results?.error) {
    const problem = describeError(results.error);
    body = (
      <div className="project-gallery__empty">
        <EmptyState
          icon="alert"
          tone="error"
          title="Search did not work"
          action={
            <button type="button" className="btn btn--secondary" onClick={search.retry}>
              Try again
            </button>
          }
        >
          {problem.title}. {problem.detail}
        </EmptyState>
      </div>
    );
  } else if (search.active && results && !search.loading && shown.length === 0) {
    body = (
      <div className="project-gallery__empty">
        <EmptyState
          icon="search"
          title="No avatars match"
          action={
            <button type="button" className="btn btn--secondary" onClick={clearAll}>
              Clear search and filters
            </button>
          }
        >
          Nothing in {project.name} matches {query.trim() ? <>“{query.trim()}”</> : 'these filters'}
          {query.trim() && hasFilters(criteria) ? ' with these filters' : ''}. Try fewer words or filters.
        </EmptyState>
      </div>
    );
  } else {
    const more = search.active && results && results.key === gridKey.slice('search:'.length) ? results : null;
    body = (
      <AvatarGrid
        key={gridKey}
        avatars={shown}
        openId={openId}
        selection={onlyOpen ? NOTHING : selectedIds}
        label={search.active ? `Search results, ${shown.length.toLocaleString()} shown` : `Avatars, ${shown.length.toLocaleString()}`}
        onOpen={open}
        onSelect={onSelect}
        onSelectAll={onSelectAll}
        onClearSelection={clearSelection}
        onDeleteKey={onDeleteKey}
        onEndReached={search.active ? search.loadMore : undefined}
        stale={stale}
        footer={
          more?.loadingMore ? (
            <div className="avatar-grid__footer" role="status">
              <Spinner />
              Loading more…
            </div>
          ) : more?.moreError ? (
            <div className="avatar-grid__footer" role="alert">
              <Icon name="alert" size={16} />
              Could not load more: {describeError(more.moreError).title.toLowerCase()}.
              <button type="button" className="btn btn--secondary" onClick={search.retry}>
                Try again
              </button>
            </div>
          ) : null
        }
      />
    );
  }

  return (
    <div className="project-gallery">
      <SearchToolbar
        text={text}
        onTextChange={setText}
        filters={filters}
        onFiltersChange={setFilters}
        options={options}
        active={search.active}
        loading={search.active && search.loading}
        matches={matches}
        of={projectCount}
        onClearAll={clearAll}
      />
      {body}
      {selectedIds.size > 0 && !onlyOpen && (
        <SelectionBar
          count={selection.ids.size}
          loaded={shown.length}
          canMove={otherProjects}
          onSelectAll={onSelectAll}
          onMove={() => setBulk({ kind: 'move', targets: targetsOf(selection.ordered) })}
          onDelete={() => setBulk({ kind: 'delete', targets: targetsOf(selection.ordered) })}
          onClear={clearSelection}
        />
      )}
      {bulk?.kind === 'delete' && <BulkDeleteDialog targets={bulk.targets} openId={openId} onFinished={onBulkFinished} onClose={closeBulk} />}
      {bulk?.kind === 'move' && (
        <BulkMoveDialog targets={bulk.targets} openId={openId} projectId={project.id} onFinished={onBulkFinished} onClose={closeBulk} />
      )}
    </div>
  );
};

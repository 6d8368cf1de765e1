import { useCallback, useEffect, useRef, useState } from 'react';
import type { Avatar } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { criteriaKey, isSearchActive, searchInputOf, type SearchCriteria } from '../lib/searchCriteria';
import { useTransport } from './appContext';

/** One search's answer so far: its first page, and any pages loaded after it. */
export interface SearchResults {
  /** The criteria these results answer (see criteriaKey). */
  key: string;
  /** In the order the library returned them, page after page. */
  items: Avatar[];
  nextCursor: string | null;
  /** How many match in all, loaded or not. */
  total: number;
  /** Set when the first page failed: there are no items for this key. */
  error: AppErrorShape | null;
  loadingMore: boolean;
  moreError: AppErrorShape | null;
}

export interface AvatarSearch {
  /** False when nothing is active: the grid shows the project as it is. */
  active: boolean;
  /**
   * The newest answer, possibly to an older query while the current one is on its way (so the
   * grid never flashes empty between keystrokes); null before the first answer.
   */
  results: SearchResults | null;
  /** The current criteria's first page is on its way. */
  loading: boolean;
  /** Asks for the next page, once: calls while one is on its way (or after the last) do nothing. */
  loadMore(): void;
  retry(): void;
}

/**
 * Runs `avatars.search` for the criteria (scoped to `projectId`, or the whole library when null)
 * and pages through the results with the library's cursor. Only the newest search may write its
 * answer: a slow reply to an older query is dropped. Results are not live: the caller shows each
 * result's current copy from the store and hides the ones that left (see ProjectGallery).
 */
export const useAvatarSearch = (criteria: SearchCriteria, projectId: string | null, pageSize?: number): AvatarSearch => {
  const transport = useTransport();
  const active = isSearchActive(criteria);
  const key = active ? criteriaKey(criteria) : null;
  const [results, setResults] = useState<SearchResults | null>(null);
  const [attempt, setAttempt] = useState(0);
  const criteriaRef = useRef(criteria);
  criteriaRef.current = criteria;
  const resultsRef = useRef(results);
  resultsRef.current = results;
  /** The key the newest first-page request was for; replies to anything else are stale. */
  const wanted = useRef<string | null>(null);
  const moreInFlight = useRef<string | null>(null);

  useEffect(() => {
    wanted.current = key;
    moreInFlight.current = null;
    if (key === null) {
      setResults(null);
      return;
    }
    void transport.invoke('avatars.search', searchInputOf(criteriaRef.current, projectId, null, pageSize)).then((result) => {
      if (wanted.current !== key) return;
      setResults(
        result.ok
          ? { key, items: result.value.items, nextCursor: result.value.nextCursor, total: result.value.total, error: null, loadingMore: false, moreError: null }
          : { key, items: [], nextCursor: null, total: 0, error: result.error, loadingMore: false, moreError: null },
      );
    });
  }, [attempt, key, pageSize, projectId, transport]);

  const loadMore = useCallback(() => {
    const current = resultsRef.current;
    if (!current || current.key !== wanted.current || !current.nextCursor || current.moreError || moreInFlight.current === current.key) return;
    const { key: pageKey, nextCursor } = current;
    moreInFlight.current = pageKey;
    setResults((state) => (state && state.key === pageKey ? { ...state, loadingMore: true } : state));
    void transport.invoke('avatars.search', searchInputOf(criteriaRef.current, projectId, nextCursor, pageSize)).then((result) => {
      if (moreInFlight.current !== pageKey) return;
      moreInFlight.current = null;
      setResults((state) => {
        if (!state || state.key !== pageKey || state.nextCursor !== nextCursor) return state;
        if (!result.ok) return { ...state, loadingMore: false, moreError: result.error };
        // Rows can shift between pages (an edit, a new avatar): never show one twice.
        const seen = new Set(state.items.map((item) => item.id));
        const fresh = result.value.items.filter((item) => !seen.has(item.id));
        return { ...state, items: [...state.items, ...fresh], nextCursor: result.value.nextCursor, total: result.value.total, loadingMore: false };
      });
    });
  }, [pageSize, projectId, transport]);

  const retry = useCallback(() => {
    const current = resultsRef.current;
    if (current && current.key === wanted.current && current.moreError) {
      const cleared = { ...current, moreError: null };
      resultsRef.current = cleared;
      setResults(cleared);
      loadMore();
      return;
    }
    // The failed answer stops counting as the current one, so the grid shows "searching" again.
    setResults((state) => (state && state.key === wanted.current && state.error ? { ...state, key: '' } : state));
    setAttempt((value) => value + 1);
  }, [loadMore]);

  const shown = key === null ? null : results;
  return { active: key !== null, results: shown, loading: key !== null && shown?.key !== key, loadMore, retry };
};

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CreditSummary, LedgerEntry } from '../../../../shared/credits';
import type { AppErrorShape } from '../../../../shared/errors';
import { useTransport } from '../../hooks/appContext';
import { useRefreshOnEvents } from '../../hooks/useRefreshOnEvents';
import { LEDGER_PAGE, appendOlder, nextPageQuery, prependNewest } from './ledger';

export interface CreditsData {
  summary: CreditSummary | null;
  entries: LedgerEntry[];
  error: AppErrorShape | null;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: AppErrorShape | null;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

/**
 * The summary and the ledger, newest first. `credits.changed` carries the new summary and brings
 * in the newest entries; a change of the limits in settings refreshes the summary. Nothing polls.
 */
export const useCredits = (): CreditsData => {
  const transport = useTransport();
  const [summary, setSummary] = useState<CreditSummary | null>(null);
  const [entries, setEntries] = useState<LedgerEntry[]>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<AppErrorShape | null>(null);
  const held = useRef<LedgerEntry[]>([]);
  const ticket = useRef(0);

  const hold = (next: LedgerEntry[]) => {
    held.current = next;
    setEntries(next);
  };

  const reload = useCallback(async () => {
    const mine = ++ticket.current;
    const [nextSummary, page] = await Promise.all([transport.invoke('credits.summary', {}), transport.invoke('credits.history', { limit: LEDGER_PAGE })]);
    if (mine !== ticket.current) return;
    if (!nextSummary.ok || !page.ok) {
      setError(nextSummary.ok ? (page.ok ? null : page.error) : nextSummary.error);
      return;
    }
    setError(null);
    setSummary(nextSummary.value);
    hold(page.value);
    setHasMore(page.value.length === LEDGER_PAGE);
  }, [transport]);

  const refreshNewest = useCallback(async () => {
    const mine = ticket.current;
    const page = await transport.invoke('credits.history', { limit: LEDGER_PAGE });
    if (mine !== ticket.current || !page.ok) return;
    const { entries: next, reset } = prependNewest(held.current, page.value);
    hold(next);
    if (reset) setHasMore(page.value.length === LEDGER_PAGE);
  }, [transport]);

  const refreshSummary = useCallback(async () => {
    const result = await transport.invoke('credits.summary', {});
    if (result.ok) setSummary(result.value);
  }, [transport]);

  const loadMore = useCallback(async () => {
    const query = nextPageQuery(held.current);
    if (!query) return;
    const mine = ticket.current;
    setLoadingMore(true);
    setMoreError(null);
    const page = await transport.invoke('credits.history', query);
    setLoadingMore(false);
    if (mine !== ticket.current) return;
    if (!page.ok) {
      setMoreError(page.error);
      return;
    }
    const next = appendOlder(held.current, page.value);
    setHasMore(next.length > held.current.length && page.value.length === query.limit);
    hold(next);
  }, [transport]);

  useEffect(() => {
    void reload();
    return () => {
      ticket.current += 1;
    };
  }, [reload]);

  // The event carries the summary itself; the entries come in one debounced read.
  useEffect(() => transport.on('credits.changed', ({ summary: next }) => setSummary(next)), [transport]);
  useRefreshOnEvents(['credits.changed'], () => void refreshNewest(), { delayMs: 250 });
  useRefreshOnEvents(['settings.changed'], () => void refreshSummary(), { delayMs: 250 });

  return { summary, entries, error, hasMore, loadingMore, moreError, reload, loadMore };
};

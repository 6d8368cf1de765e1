import { useEffect, useRef } from 'react';
import type { GenerationStatus } from '../../../shared/vocabulary';
import { finishedNotice, systemNotices, type FinishedSet } from '../lib/notices';
import { useActions, useAppStore, useTransport } from './appContext';

const isOpen = (status: GenerationStatus | undefined): boolean => status === 'pending' || status === 'processing';
const away = (): boolean => document.hidden || !document.hasFocus();

/**
 * When notifications are on and a set of jobs finishes (the queue has none left open) while the
 * window is not in front: a system notification where the page may show one, otherwise a notice
 * in the app when the user comes back. In front, the tray already says it.
 */
export const useFinishedNotice = (): void => {
  const transport = useTransport();
  const { pushToast } = useActions();
  const generations = useAppStore((state) => state.generations);
  const enabled = useAppStore((state) => state.settings?.notifications ?? false);
  const seen = useRef(new Map<string, GenerationStatus>());
  const finished = useRef<FinishedSet>({ completed: [], failed: [] });
  const waiting = useRef<ReturnType<typeof finishedNotice>>(null);

  useEffect(() => {
    let open = 0;
    for (const generation of Object.values(generations)) {
      const before = seen.current.get(generation.id);
      seen.current.set(generation.id, generation.status);
      if (isOpen(generation.status)) open += 1;
      else if (isOpen(before) && generation.status === 'completed') finished.current.completed.push(generation.name);
      else if (isOpen(before) && generation.status === 'failed') finished.current.failed.push(generation.name);
    }
    if (open > 0) return;
    const notice = finishedNotice(finished.current);
    finished.current = { completed: [], failed: [] };
    if (!notice || !enabled || !away()) return;
    if (systemNotices(transport.shell) === 'granted') new Notification(notice.title, { body: notice.body, tag: 'avatar-creator-finished' });
    else waiting.current = notice;
  }, [enabled, generations, transport.shell]);

  useEffect(() => {
    const back = () => {
      const notice = waiting.current;
      if (!notice || away()) return;
      waiting.current = null;
      pushToast({ tone: 'info', title: notice.title, detail: notice.body });
    };
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', back);
    return () => {
      window.removeEventListener('focus', back);
      document.removeEventListener('visibilitychange', back);
    };
  }, [pushToast]);
};

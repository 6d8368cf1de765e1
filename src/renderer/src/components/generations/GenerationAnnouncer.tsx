import { useEffect, useRef, useState } from 'react';
import type { GenerationStatus } from '../../../../shared/vocabulary';
import { useAppStore } from '../../hooks/appContext';

/** More at once than this are summed up: a batch finishing should not read out a list. */
const MAX_NAMED = 3;

/**
 * Tells screen-reader users, politely, when a job they could not watch finishes: the bars say
 * it to the eye. Always mounted, so the live region exists before the news arrives.
 */
export const GenerationAnnouncer = () => {
  const generations = useAppStore((state) => state.generations);
  const seen = useRef(new Map<string, GenerationStatus>());
  const [message, setMessage] = useState('');

  useEffect(() => {
    const news: string[] = [];
    for (const generation of Object.values(generations)) {
      const before = seen.current.get(generation.id);
      seen.current.set(generation.id, generation.status);
      if (before !== 'pending' && before !== 'processing') continue;
      if (generation.status === 'completed') news.push(`${generation.name} is ready.`);
      else if (generation.status === 'failed') news.push(`${generation.name} failed.`);
    }
    if (news.length > 0) setMessage(news.length > MAX_NAMED ? `${news.length} generations finished.` : news.join(' '));
  }, [generations]);

  return (
    <p className="visually-hidden" aria-live="polite" data-testid="generation-announcer">
      {message}
    </p>
  );
};

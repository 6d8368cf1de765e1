import { useEffect, useState } from 'react';
import type { Avatar, Generation } from '../../../../shared/domain';
import { useAppStore, useTransport } from '../../hooks/appContext';
import { isOriginPending, resolveOrigin, type Origin } from './origin';

interface Fetched {
  avatars: Record<string, Avatar | null>;
  jobs: Record<string, Generation | null>;
}

/**
 * The avatar's origin, told from what this window holds (the open project, the jobs it knows);
 * anything else (a parent in another project, an old job) is asked for once, one item at a time.
 */
export const useOrigin = (avatar: Avatar): Origin | null | 'loading' => {
  const transport = useTransport();
  const avatars = useAppStore((state) => state.avatars);
  const jobs = useAppStore((state) => state.generations);
  const [fetched, setFetched] = useState<Fetched>({ avatars: {}, jobs: {} });

  const result = resolveOrigin(avatar, {
    avatar: (id) => avatars.find((entry) => entry.id === id) ?? fetched.avatars[id],
    job: (id) => jobs[id] ?? fetched.jobs[id],
  });
  const pendingKey = isOriginPending(result) ? `${result.pending.kind}:${result.pending.id}` : null;

  useEffect(() => {
    if (!pendingKey) return;
    let live = true;
    const [kind, id = ''] = pendingKey.split(':');
    // A failure other than "not found" reads as gone too: the panel has nothing better to show.
    if (kind === 'avatar') {
      void transport.invoke('avatars.get', { id }).then((answer) => {
        if (live) setFetched((current) => ({ ...current, avatars: { ...current.avatars, [id]: answer.ok ? answer.value : null } }));
      });
    } else {
      void transport.invoke('generations.get', { id }).then((answer) => {
        if (live) setFetched((current) => ({ ...current, jobs: { ...current.jobs, [id]: answer.ok ? answer.value : null } }));
      });
    }
    return () => {
      live = false;
    };
  }, [pendingKey, transport]);

  return isOriginPending(result) ? 'loading' : result;
};

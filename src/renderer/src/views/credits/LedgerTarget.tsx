import { useState } from 'react';
import type { LedgerEntry } from '../../../../shared/credits';
import { useActions, useTransport } from '../../hooks/appContext';
import { navigate } from '../../lib/route';

/**
 * "Open" for an entry that names an avatar or a job. The ledger does not know the project, so it
 * is looked up on click: the avatar, or the job (its avatar when it made one, else its project
 * with the tray open).
 */
export const LedgerTarget = ({ entry }: { entry: LedgerEntry }) => {
  const transport = useTransport();
  const { setTrayOpen } = useActions();
  const [gone, setGone] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!entry.avatarId && !entry.generationId) return null;
  if (gone) return <span className="ledger__gone">Deleted</span>;

  const open = async () => {
    setBusy(true);
    if (entry.avatarId) {
      const avatar = await transport.invoke('avatars.get', { id: entry.avatarId });
      setBusy(false);
      if (avatar.ok) return navigate({ kind: 'project', projectId: avatar.value.projectId, avatarId: avatar.value.id });
      if (!entry.generationId) return setGone(true);
      setBusy(true);
    }
    const job = await transport.invoke('generations.get', { id: entry.generationId! });
    setBusy(false);
    if (!job.ok) return setGone(true);
    if (!job.value.avatarId) setTrayOpen(true);
    navigate({ kind: 'project', projectId: job.value.projectId, avatarId: job.value.avatarId });
  };

  return (
    <button type="button" className="btn btn--small btn--ghost" onClick={() => void open()} disabled={busy} title={entry.avatarId ? 'Open the avatar' : 'Open the project the job was in'}>
      {entry.avatarId ? 'Open avatar' : 'Open job'}
    </button>
  );
};

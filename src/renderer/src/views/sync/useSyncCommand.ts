import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import type { SyncStatus } from '../../../../shared/sync';
import type { Result } from '../../../../shared/result';
import { useSyncStore } from './syncStore';

/** Runs a sync command that answers with the status: which one is running, and the last failure. */
export const useSyncCommand = () => {
  const sync = useSyncStore();
  const [running, setRunning] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const run = async (name: string, command: () => Promise<Result<SyncStatus>>): Promise<boolean> => {
    setRunning(name);
    setFailure(null);
    const result = await command();
    setRunning(null);
    if (result.ok) sync.apply(result.value);
    else setFailure(result.error);
    return result.ok;
  };
  return { running, failure, run };
};

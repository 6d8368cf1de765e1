import os from 'node:os';

/** Who holds a claim: host, pid and start time, so a restarted process never mistakes an old claim for its own. */
export const currentOwner = (): string => `${os.hostname()}:${process.pid}:${Math.round(performance.timeOrigin)}`;

/**
 * True unless the claim's process is certainly gone. Only a process on this host can be checked;
 * elsewhere (a library on a shared drive) the lease's expiry decides.
 */
export const isOwnerAlive = (owner: string, self: string = currentOwner()): boolean => {
  if (owner === self) return true;
  const [host, pidText] = owner.split(':');
  if (host !== os.hostname()) return true;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

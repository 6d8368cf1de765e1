import { watch, type FSWatcher } from 'node:fs';
import type Database from 'better-sqlite3';

const DEBOUNCE_MS = 30;
/** fs.watch misses events on some network and virtual file systems; this catches up cheaply. */
const SAFETY_NET_MS = 2000;

/**
 * Calls `onChange` soon after another process commits to the library database. The file watch
 * makes it prompt; SQLite's data_version (which moves only for other connections' commits) makes it exact.
 */
export const watchForeignChanges = (dir: string, dbFileName: string, sqlite: Database.Database, onChange: () => void): (() => void) => {
  let version = sqlite.pragma('data_version', { simple: true }) as number;
  let timer: NodeJS.Timeout | null = null;

  const check = (): void => {
    timer = null;
    if (!sqlite.open) return;
    const next = sqlite.pragma('data_version', { simple: true }) as number;
    if (next === version) return;
    version = next;
    onChange();
  };
  const schedule = (): void => {
    timer ??= setTimeout(check, DEBOUNCE_MS);
  };

  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { persistent: false }, (_event, file) => {
      if (file === null || String(file).startsWith(dbFileName)) schedule();
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = null;
  }
  const safetyNet = setInterval(check, SAFETY_NET_MS);
  safetyNet.unref();

  return () => {
    watcher?.close();
    clearInterval(safetyNet);
    if (timer) clearTimeout(timer);
  };
};

import type { SyncEngine } from '../sync/syncEngine';
import type { HandlerGroup } from './router';

type SyncCommand = 'sync.status' | 'sync.login' | 'sync.logout' | 'sync.now' | 'sync.pause' | 'sync.resume' | 'sync.setProject' | 'sync.issues' | 'sync.resolve';

/** The sync commands over the client engine (src/main/core/sync). */
export const syncHandlers = (sync: SyncEngine): HandlerGroup<SyncCommand> => ({
  'sync.status': () => sync.status(),
  'sync.login': (args) => sync.login(args),
  'sync.logout': () => sync.logout(),
  'sync.now': () => sync.syncNow(),
  'sync.pause': () => sync.pause(),
  'sync.resume': () => sync.resume(),
  'sync.setProject': ({ projectId, enabled }) => sync.setProject(projectId, enabled),
  'sync.issues': () => sync.issues(),
  'sync.resolve': ({ issueId, resolution }) => sync.resolve(issueId, resolution),
});

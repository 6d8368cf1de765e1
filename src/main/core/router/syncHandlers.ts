import { AppError, ErrorCode } from '../../../shared/errors';
import type { HandlerGroup } from './router';

type SyncCommand = 'sync.status' | 'sync.login' | 'sync.logout' | 'sync.now' | 'sync.pause' | 'sync.resume' | 'sync.setProject' | 'sync.issues' | 'sync.resolve';

const notYet = (): never => {
  throw new AppError(ErrorCode.UNSUPPORTED, 'Sync is not built yet.');
};

export const syncHandlers = (): HandlerGroup<SyncCommand> => ({
  'sync.status': notYet,
  'sync.login': notYet,
  'sync.logout': notYet,
  'sync.now': notYet,
  'sync.pause': notYet,
  'sync.resume': notYet,
  'sync.setProject': notYet,
  'sync.issues': notYet,
  'sync.resolve': notYet,
});

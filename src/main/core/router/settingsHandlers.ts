import { AppError, ErrorCode } from '../../../shared/errors';
import type { HandlerGroup } from './router';

type SettingsCommand = 'settings.get' | 'settings.update' | 'token.status' | 'token.set' | 'token.clear' | 'token.verify';

const notYet = (): never => {
  throw new AppError(ErrorCode.UNSUPPORTED, 'Settings are not built yet.');
};

export const settingsHandlers = (): HandlerGroup<SettingsCommand> => ({
  'settings.get': notYet,
  'settings.update': notYet,
  'token.status': notYet,
  'token.set': notYet,
  'token.clear': notYet,
  'token.verify': notYet,
});

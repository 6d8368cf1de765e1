import { AppError, ErrorCode } from '../../../shared/errors';
import type { HandlerGroup } from './router';

const unsupported = (): never => {
  throw new AppError(ErrorCode.UNSUPPORTED, 'Only the desktop app can do this.');
};

export const desktopHandlers = (): HandlerGroup<'avatars.copyImage' | 'avatars.startDrag'> => ({
  'avatars.copyImage': unsupported,
  'avatars.startDrag': unsupported,
});

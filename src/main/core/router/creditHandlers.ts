import { AppError, ErrorCode } from '../../../shared/errors';
import type { HandlerGroup } from './router';

const notYet = (): never => {
  throw new AppError(ErrorCode.UNSUPPORTED, 'Credits are not built yet.');
};

export const creditHandlers = (): HandlerGroup<'credits.summary' | 'credits.history'> => ({
  'credits.summary': notYet,
  'credits.history': notYet,
});

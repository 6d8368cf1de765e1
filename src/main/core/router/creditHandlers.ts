import type { CreditBook } from '../credits/creditBook';
import type { HandlerGroup } from './router';

export const creditHandlers = (credits: CreditBook): HandlerGroup<'credits.summary' | 'credits.history'> => ({
  'credits.summary': () => credits.summary(),
  'credits.history': (args) => credits.history(args),
});

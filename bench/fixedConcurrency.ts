// The pool has no switch to turn adaptive concurrency off. To compare against a plain fixed pool,
// this stubs the class's decrease for the duration of one run (benchmark only, restored after):
// the pool then keeps the user's ceiling however many 429s come back, exactly like p-queue alone.
import { AdaptiveConcurrency } from '../src/main/core/generation/adaptiveConcurrency';

export const withFixedConcurrency = async <T>(run: () => Promise<T>): Promise<T> => {
  const original = Object.getOwnPropertyDescriptor(AdaptiveConcurrency.prototype, 'onRateLimited');
  if (!original) throw new Error('AdaptiveConcurrency.onRateLimited is gone: update bench/fixedConcurrency.ts');
  Object.defineProperty(AdaptiveConcurrency.prototype, 'onRateLimited', { ...original, value: (): boolean => false });
  try {
    return await run();
  } finally {
    Object.defineProperty(AdaptiveConcurrency.prototype, 'onRateLimited', original);
  }
};

import { useEffect, useState } from 'react';

/** `value` once it has stayed the same for `delayMs`; an empty string passes at once (clearing should feel instant). */
export const useDebouncedValue = <T>(value: T, delayMs: number): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === '' || Object.is(value, settled)) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs, settled, value]);
  return value === '' ? value : settled;
};

import { isPlainObject } from './migrations';

/**
 * A patch over settings: objects merge key by key (so `{ credits: { costs: { upload: 3 } } }`
 * touches one cost), `undefined` leaves a value alone, anything else (null included) replaces it.
 */
export const mergePatch = (base: unknown, patch: unknown): unknown => {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : structuredClone(patch);
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) merged[key] = mergePatch(base[key], value);
  }
  return merged;
};

import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/settings';
import { isPlainObject } from './migrations';

export interface RepairedSettings {
  settings: Settings;
  /** One line per field that was dropped or replaced by its default; never the stored value itself. */
  problems: string[];
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/**
 * Walks the schema and the defaults together: a valid stored field is kept, an invalid one takes its
 * default, an unknown one is dropped. So one bad value (a hand edit, an older build's range) costs
 * only itself, not the user's other settings.
 */
const repairValue = (schema: z.ZodType, fallback: unknown, stored: unknown, path: string, problems: string[]): unknown => {
  if (schema instanceof z.ZodObject && isPlainObject(fallback)) {
    if (stored !== undefined && !isPlainObject(stored)) problems.push(`${path || 'settings'}: not an object, defaults used`);
    const source = isPlainObject(stored) ? stored : {};
    const shape = schema.shape as Record<string, z.ZodType>;
    const repaired: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(shape)) {
      repaired[key] = repairValue(child, fallback[key], source[key], join(path, key), problems);
    }
    for (const key of Object.keys(source)) if (!(key in shape)) problems.push(`${join(path, key)}: unknown, ignored`);
    return repaired;
  }
  // A field the file does not have yet (written by an older version) simply takes its default.
  if (stored === undefined) return structuredClone(fallback);
  const parsed = schema.safeParse(stored);
  if (parsed.success) return parsed.data;
  problems.push(`${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}, default used`);
  return structuredClone(fallback);
};

export const repairSettings = (stored: unknown): RepairedSettings => {
  const problems: string[] = [];
  const repaired = repairValue(settingsSchema, DEFAULT_SETTINGS, stored, '', problems);
  // Field by field cannot see rules across fields; the whole must pass too, or the defaults stand.
  const whole = settingsSchema.safeParse(repaired);
  if (whole.success) return { settings: whole.data, problems };
  return { settings: structuredClone(DEFAULT_SETTINGS), problems: [...problems, 'settings: inconsistent as a whole, defaults used'] };
};

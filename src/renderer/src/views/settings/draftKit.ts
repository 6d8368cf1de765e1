import type { ErrorIssue } from '../../../../shared/errors';
import { SETTINGS_LIMITS } from '../../../../shared/vocabulary';

/** The settings' bounds, so a mistake shows before a round trip; the library checks again. */
export const SETTINGS_BOUNDS = SETTINGS_LIMITS;

/** A section's fields as typed, always text, so a half-typed value survives every render. */
export type Draft<K extends string> = Record<K, string>;
export type Edits<K extends string> = Partial<Draft<K>>;
export type DraftErrors<K extends string> = Partial<Record<K, string>>;

const number = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

/** A whole number from min to max, or the sentence that asks for one. */
export const checkInt = (text: string, min: number, max: number, { step = 1, optional = false } = {}): string | null => {
  const value = number(text);
  if (value === null) return optional ? null : `Enter a whole number from ${min.toLocaleString()} to ${max.toLocaleString()}.`;
  if (!Number.isInteger(value) || value < min || value > max) return `Enter a whole number from ${min.toLocaleString()} to ${max.toLocaleString()}${optional ? ', or leave it empty' : ''}.`;
  if (value % step !== 0) return `Enter a multiple of ${step}.`;
  return null;
};

export const checkNumber = (text: string, min: number, max: number): string | null => {
  const value = number(text);
  return value === null || !Number.isFinite(value) || value < min || value > max ? `Enter a number from ${min} to ${max}.` : null;
};

export const intOf = (text: string): number => Number(text.trim());
/** Empty means "no limit". */
export const limitOf = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));
export const limitText = (value: number | null): string => (value === null ? '' : String(value));

/** The library's validation issues, keyed by the field each one belongs to (`fieldOf` decides). */
export const errorsFromIssues = <K extends string>(issues: readonly ErrorIssue[] | undefined, fieldOf: (path: string) => K | null): DraftErrors<K> => {
  const errors: DraftErrors<K> = {};
  for (const { path, message } of issues ?? []) {
    const field = fieldOf(path);
    if (field && !errors[field]) errors[field] = message.charAt(0).toUpperCase() + message.slice(1);
  }
  return errors;
};

/**
 * Only what the user changed goes into a patch, so a field changed elsewhere meanwhile is not
 * overwritten; spaces around a value change nothing.
 */
export const editedKeys = <K extends string>(edits: Edits<K>, current: Draft<K>): K[] =>
  (Object.keys(edits) as K[]).filter((key) => edits[key] !== undefined && edits[key].trim() !== current[key].trim());

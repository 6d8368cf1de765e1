import type { z } from 'zod';
import { onErrorFailure } from '../http/reply';
import { summarizeIssues } from './zodMessages';

/**
 * The cloud's validateBody / validateFormData / validateQuery: a failure is thrown from
 * middleware, so app.onError answers it as HTTP 500 `{error: "<summary>"}` (not 400).
 */
export const validateOrFail = <S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> => {
  const result = schema.safeParse(input);
  if (!result.success) throw onErrorFailure(`${prefix}${summarizeIssues(result.error)}`);
  return result.data;
};

/** c.req.json() of a body that is not JSON throws a SyntaxError, which also ends in app.onError. */
export const parseJsonOrFail = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw onErrorFailure(error instanceof Error ? error.message : 'Invalid JSON');
  }
};

const NUMERIC = /^-?\d+\.?\d*$/;

/**
 * validateFormData's preprocessing, quirks included: text starting with '[' or '{' is tried as
 * JSON, empty values are dropped, and numeric-looking text becomes a number, so a name such as
 * "2024" or a persona name "007" fails as "Expected string, received number".
 */
export const preprocessFormFields = (fields: ReadonlyMap<string, string>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of fields) {
    let value: unknown = raw;
    if (raw.startsWith('[') || raw.startsWith('{')) {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
    }
    if (typeof value !== 'string') out[key] = value;
    else if (value === '') continue;
    else if (NUMERIC.test(value) && !Number.isNaN(Number(value))) out[key] = Number(value);
    else out[key] = value;
  }
  return out;
};

/** validateQuery's preprocessing: numbers and booleans parsed, empty values dropped. */
export const preprocessQuery = (query: URLSearchParams): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of query) {
    if (value === '') continue;
    if (NUMERIC.test(value) && !Number.isNaN(Number(value))) out[key] = Number(value);
    else if (value === 'true' || value === 'false') out[key] = value === 'true';
    else out[key] = value;
  }
  return out;
};

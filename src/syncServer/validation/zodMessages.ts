import type { z } from 'zod';

/**
 * The cloud validates with zod 3; this project has zod 4, whose default wording differs. The
 * client sees these strings in its 500s, so the zod 3 wording is reproduced: "Required",
 * "Expected string, received number".
 */
const receivedName = (input: unknown): string => {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
};

export const typeError =
  (expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'Required' : `Expected ${expected}, received ${receivedName(issue.input)}`;

/**
 * formatZodErrors of the cloud's validation middleware: one field → "<field>: <message>", two →
 * "Invalid a and b", more → "Invalid a, b and N more field(s)". The field is the issue path
 * joined with dots, or 'root'.
 */
export const summarizeIssues = (error: z.ZodError): string => {
  const firstMessage = new Map<string, string>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'root';
    if (!firstMessage.has(field)) firstMessage.set(field, issue.message);
  }
  const fields = [...firstMessage.keys()];
  if (fields.length === 1) return `${fields[0]}: ${firstMessage.get(fields[0] as string)}`;
  if (fields.length === 2) return `Invalid ${fields.join(' and ')}`;
  return `Invalid ${fields.slice(0, 2).join(', ')} and ${fields.length - 2} more field(s)`;
};

import { PROVIDERS_OR_POLICIES } from '@huggingface/inference';
import type { z } from 'zod';
import { AppError, ErrorCode, type ErrorIssue } from '../../../shared/errors';
import type { Settings } from '../../../shared/settings';

const MAX_ISSUES = 20;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Like the router's own answer to bad input, so a caller handles both the same way. */
export const validationFailed = (issues: ErrorIssue[]): AppError => {
  const first = issues[0];
  const headline = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'Invalid settings.';
  return new AppError(ErrorCode.VALIDATION_FAILED, headline, issues.slice(0, MAX_ISSUES));
};

export const issuesOf = (error: z.ZodError): ErrorIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

/**
 * What the schema cannot know: the provider refuses these at request time, which would be a failed
 * job much later; saying so while the user is still in Settings is kinder. The token goes to the
 * endpoint, so plain http only to this computer.
 */
export const checkGenerationSettings = ({ generation }: Settings): ErrorIssue[] => {
  const issues: ErrorIssue[] = [];
  if (generation.endpointUrl !== null) {
    const url = new URL(generation.endpointUrl);
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    if (!secure) issues.push({ path: 'generation.endpointUrl', message: 'must be an https:// address (http:// only for this computer)' });
  }
  if (!(PROVIDERS_OR_POLICIES as readonly string[]).includes(generation.inferenceProvider)) {
    issues.push({ path: 'generation.inferenceProvider', message: `must be auto or one of: ${PROVIDERS_OR_POLICIES.filter((name) => name !== 'auto').join(', ')}` });
  }
  return issues;
};

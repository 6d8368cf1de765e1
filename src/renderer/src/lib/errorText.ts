import type { AppErrorShape, ErrorCode } from '../../../shared/errors';
import { labelForPath } from './fieldLabels';

export interface ErrorText {
  title: string;
  detail: string;
  /** Where the user can fix it, when that is a place in the app (a limit, the token). */
  fix?: { href: string; label: string };
}

const TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Please check the form',
  UNKNOWN_COMMAND: 'This action is not available',
  NOT_FOUND: 'It no longer exists',
  FORBIDDEN: 'Access refused',
  PAYLOAD_TOO_LARGE: 'The file is too large',
  RATE_LIMITED: 'Too many requests from this window',
  IMAGE_EMPTY: 'The file is empty',
  IMAGE_TOO_LARGE: 'The image is too large',
  IMAGE_TOO_MANY_PIXELS: 'The image has too many pixels',
  IMAGE_UNSUPPORTED_FORMAT: 'Not a supported image',
  IMAGE_CORRUPT: 'The image cannot be read',
  STORAGE_FAILED: 'Could not save to the library',
  TRANSPORT_FAILED: 'Cannot reach Avatar Creator',
  TOKEN_MISSING: 'No Hugging Face token',
  TOKEN_STORAGE_WEAK: 'The token cannot be stored securely here',
  PROVIDER_AUTH: 'Hugging Face refused the token',
  PROVIDER_CREDITS: 'Out of Hugging Face credits',
  PROVIDER_RATE_LIMITED: 'Too many requests',
  PROVIDER_UNAVAILABLE: 'The image service is unavailable',
  PROVIDER_REJECTED: 'The image service refused the request',
  PROVIDER_BAD_OUTPUT: 'No usable image came back',
  CANCELLED: 'Cancelled',
  INVALID_STATE: 'Not possible right now',
  UNSUPPORTED: 'Not available here',
  SYNC_AUTH_FAILED: 'Could not sign in to Lumiku',
  SYNC_AUTH_REQUIRED: 'Sign in to Lumiku again',
  SYNC_OUT_OF_CREDITS: 'Out of Lumiku credits',
  SYNC_UNAVAILABLE: 'Lumiku is not reachable',
  SPENDING_LIMIT: 'Over your credit limit',
  INTERNAL: 'Something went wrong',
};

/** Advice added to the server's own (already specific) message where the user can act on it. */
const ADVICE: Partial<Record<ErrorCode, string>> = {
  IMAGE_TOO_LARGE: 'Export a smaller copy (10 MB at most) and try again.',
  PAYLOAD_TOO_LARGE: 'Images can be 10 MB at most.',
  IMAGE_TOO_MANY_PIXELS: 'Resize it to at most 40 megapixels and try again.',
  IMAGE_CORRUPT: 'Try exporting the image again from the app that made it.',
  STORAGE_FAILED: 'Check that the disk is not full and try again.',
};

/** Problems whose cure is a setting: the message says what, the link goes there. */
const FIXES: Partial<Record<ErrorCode, ErrorText['fix']>> = {
  SPENDING_LIMIT: { href: '#/settings/credits', label: 'Change the limits in Settings → Credits' },
  TOKEN_MISSING: { href: '#/settings/token', label: 'Set a token in Settings' },
  PROVIDER_AUTH: { href: '#/settings/token', label: 'Set a new token in Settings' },
};

const validationDetail = (error: AppErrorShape): string => {
  const first = error.issues?.[0];
  if (!first) return error.message;
  const label = labelForPath(first.path);
  return label ? `${label}: ${first.message}` : error.message;
};

/** Plain words for an error envelope: a short title and the specific reason. */
export const describeError = (error: AppErrorShape): ErrorText => {
  const title = TITLES[error.code] ?? 'Something went wrong';
  if (error.code === 'VALIDATION_FAILED') return { title, detail: validationDetail(error) };
  const advice = ADVICE[error.code];
  const fix = FIXES[error.code];
  return { title, detail: advice ? `${error.message} ${advice}` : error.message, ...(fix && { fix }) };
};

/** One line for inline use, next to the file or form it is about: the specific reason alone. */
export const errorLine = (error: AppErrorShape): string => describeError(error).detail;

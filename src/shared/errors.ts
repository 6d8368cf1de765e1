/** Stable error codes: scripts, tests and the UI branch on these, so never rename one. */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNKNOWN_COMMAND: 'UNKNOWN_COMMAND',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /**
   * The app's own surface (the web bridge) refused the call: this client sent more requests than
   * its budget allows. Try again after the HTTP Retry-After delay. Not the image service's limit
   * (that is PROVIDER_RATE_LIMITED).
   */
  RATE_LIMITED: 'RATE_LIMITED',
  IMAGE_EMPTY: 'IMAGE_EMPTY',
  IMAGE_TOO_LARGE: 'IMAGE_TOO_LARGE',
  IMAGE_TOO_MANY_PIXELS: 'IMAGE_TOO_MANY_PIXELS',
  IMAGE_UNSUPPORTED_FORMAT: 'IMAGE_UNSUPPORTED_FORMAT',
  IMAGE_CORRUPT: 'IMAGE_CORRUPT',
  STORAGE_FAILED: 'STORAGE_FAILED',
  TRANSPORT_FAILED: 'TRANSPORT_FAILED',
  /** No Hugging Face token is set. */
  TOKEN_MISSING: 'TOKEN_MISSING',
  /**
   * The token was to be saved, but this computer has no real secret store (Linux `basic_text`): it
   * would only be obfuscated. Keep it for the session, or set it again with `allowWeakStorage`.
   */
  TOKEN_STORAGE_WEAK: 'TOKEN_STORAGE_WEAK',
  /** 401/403: the token is wrong, expired or lacks permission. Pauses the queue. */
  PROVIDER_AUTH: 'PROVIDER_AUTH',
  /** 402: the account is out of credits. Pauses the queue. */
  PROVIDER_CREDITS: 'PROVIDER_CREDITS',
  /** 429 after every retry. */
  PROVIDER_RATE_LIMITED: 'PROVIDER_RATE_LIMITED',
  /** Network errors, 5xx and "model loading" after every retry. */
  PROVIDER_UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  /** Another 4xx: the request itself is wrong; retrying cannot help. */
  PROVIDER_REJECTED: 'PROVIDER_REJECTED',
  /** The provider answered with something that is not a usable image. */
  PROVIDER_BAD_OUTPUT: 'PROVIDER_BAD_OUTPUT',
  CANCELLED: 'CANCELLED',
  /** The job is not in a state that allows this (e.g. retrying a completed job). */
  INVALID_STATE: 'INVALID_STATE',
  /** A daily or per-batch credit limit of the spending guard would be passed; nothing was started. */
  SPENDING_LIMIT: 'SPENDING_LIMIT',
  /** This shell cannot do that (e.g. a native drag from the web bridge). */
  UNSUPPORTED: 'UNSUPPORTED',
  /** Lumiku sign-in refused (the cloud answers wrong credentials with a 500): check email and password. */
  SYNC_AUTH_FAILED: 'SYNC_AUTH_FAILED',
  /** The Lumiku session expired or was revoked (401): sync is paused until the user signs in again. */
  SYNC_AUTH_REQUIRED: 'SYNC_AUTH_REQUIRED',
  /** The Lumiku account is out of credits (402): sync is paused until credits are added and it is resumed. */
  SYNC_OUT_OF_CREDITS: 'SYNC_OUT_OF_CREDITS',
  /** The Lumiku server could not be reached or answered with an error; nothing changed. */
  SYNC_UNAVAILABLE: 'SYNC_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

/** Thrown inside the core; turned into an envelope at the router so it never crosses a transport as an exception. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: ErrorIssue[];

  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  toShape(): AppErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

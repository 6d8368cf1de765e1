/**
 * Secrets in any text the app writes (log lines, diagnostics) are cut out. Patterns catch what
 * looks like one even if nobody told us about it; `known` catches the user's actual values
 * whatever their shape (an endpoint's own key format, say).
 */
export const REDACTED = '[redacted]';

/** Each pattern with what it becomes: the parts around the secret ("Bearer ", "//user:", "?token=") stay, so the line still reads. */
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  // Hugging Face tokens: hf_ followed by 20+ letters and digits.
  [/\bhf_[A-Za-z0-9]{20,}\b/g, REDACTED],
  // Anything sent as a bearer credential.
  [/\b(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`],
  // JWTs (a Lumiku session): three base64url parts, the first a JSON header.
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, REDACTED],
  // Passwords and tokens in URLs: https://user:secret@host, ?token=…, &api_key=…
  [/(\/\/[^/\s:@]+:)[^/\s@]+(@)/g, `$1${REDACTED}$2`],
  [/([?&](?:token|access_token|api_key|apikey|key|password|secret)=)[^&\s#"']+/gi, `$1${REDACTED}`],
];

/** Values shorter than this are not secrets worth searching for (and would blank common words). */
const MIN_KNOWN_LENGTH = 8;

export const redactSecrets = (text: string, known: readonly string[] = []): string => {
  let result = text;
  for (const secret of known) {
    if (secret.length >= MIN_KNOWN_LENGTH) result = result.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
};

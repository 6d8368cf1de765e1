/**
 * When to try a failed request again: the server's Retry-After, and our own backoff.
 * Pure functions of their inputs (clock and randomness are passed in) so they test exactly.
 */

/** setTimeout fires at once for longer delays (with only a warning), so no wait may exceed this. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

const DELTA_SECONDS = /^-?\d+(?:\.\d+)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
// The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7). Date.parse alone is far too
// lenient: it turns strings like "Tuesday 5" into dates, so a garbage header would become a wait.
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const RFC_850 = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

const clampWait = (ms: number): number => Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(ms)));

const utc = (year: number, monthName: string, day: number, hours: number, minutes: number, seconds: number): number | null => {
  const month = MONTHS.indexOf(monthName.toLowerCase() as (typeof MONTHS)[number]);
  if (month < 0 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 60) return null;
  const time = Date.UTC(year, month, day, hours, minutes, seconds);
  // Date.UTC rolls "31 Feb" over into March; a header like that is garbage, not a date.
  return new Date(time).getUTCDate() === day ? time : null;
};

const parseHttpDate = (value: string, now: number): number | null => {
  let match = IMF_FIXDATE.exec(value);
  if (match) return utc(Number(match[3]), match[2] ?? '', Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
  match = RFC_850.exec(value);
  if (match) {
    // RFC 9110: a two-digit year more than 50 years in the future means the previous century.
    const short = Number(match[3]);
    const year = short + 2000 > new Date(now).getUTCFullYear() + 50 ? short + 1900 : short + 2000;
    return utc(year, match[2] ?? '', Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
  }
  match = ASCTIME.exec(value);
  if (match) return utc(Number(match[6]), match[1] ?? '', Number((match[2] ?? '').trim()), Number(match[3]), Number(match[4]), Number(match[5]));
  return null;
};

/**
 * A Retry-After header (delta-seconds or HTTP-date) as milliseconds from `now`.
 * Garbage gives null; a negative delay or a date in the past gives 0.
 */
export const parseRetryAfter = (header: string | null, now: number): number | null => {
  if (header === null) return null;
  const value = header.trim();
  if (value === '') return null;
  if (DELTA_SECONDS.test(value)) {
    const seconds = Number(value);
    return Number.isFinite(seconds) ? clampWait(seconds * 1000) : null;
  }
  const date = parseHttpDate(value, now);
  return date === null ? null : clampWait(date - now);
};

export interface RetryDelayInput {
  /** 1-based: how many times the job has failed so far. */
  attempt: number;
  /** What the service asked for (Retry-After, or a loading model's estimated_time); never waited less than this. */
  retryAfterMs: number | null;
  baseMs?: number;
  capMs?: number;
  /** [0, 1), injectable so tests are deterministic. */
  random?: () => number;
}

/**
 * How long to wait before the next attempt: max(the service's wish, our backoff).
 *
 * The backoff is exponential with "equal jitter": half of min(cap, base·2^(attempt−1)) is fixed and
 * the other half random. Full jitter spreads concurrent retries slightly better but may pick ~0 ms,
 * which hits a provider that just failed again at once; equal jitter still de-synchronises the pool's
 * parallel jobs while guaranteeing a growing minimum wait, and never exceeds the cap.
 */
export const retryDelayMs = ({ attempt, retryAfterMs, baseMs = 1000, capMs = 60_000, random = Math.random }: RetryDelayInput): number => {
  const failures = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  const cap = Math.max(0, capMs);
  // 2 ** 1024 is Infinity, which Math.min turns into the cap: no overflow guard needed beyond that.
  const ceiling = Math.min(cap, Math.max(0, baseMs) * 2 ** (failures - 1));
  const jitter = Math.min(Math.max(random(), 0), 1);
  const backoff = Math.min(cap, ceiling / 2 + (ceiling / 2) * jitter);
  const asked = retryAfterMs !== null && Number.isFinite(retryAfterMs) ? Math.max(0, retryAfterMs) : 0;
  return clampWait(Math.max(asked, backoff));
};

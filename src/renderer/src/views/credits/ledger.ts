import type { LedgerEntry } from '../../../../shared/credits';
import type { CreditAction } from '../../../../shared/settings';

export const LEDGER_PAGE = 50;
/** The contract's LEDGER_PAGE_MAX (shared/credits.ts pulls in zod, which the page does not bundle). */
const PAGE_MAX = 500;

export const ACTION_LABELS: Record<CreditAction, string> = {
  generate: 'Generate',
  upload: 'Upload',
  fromPreset: 'From a preset',
  fromReference: 'From a reference',
  editPersona: 'Edit persona',
};

const NOTES: Record<string, string> = {
  retry: 'Retried',
  failed: 'The job failed',
  cancelled: 'The job was cancelled',
  deleted: 'Deleted before it ran',
};

/** The ledger's own short notes in words; anything else as it is. */
export const noteText = (note: string | null): string | null => (note === null ? null : (NOTES[note] ?? note));

/** −10 for a charge (credits spent), +10 for a refund (credits given back). */
export const signedAmount = (entry: Pick<LedgerEntry, 'kind' | 'amount'>): string =>
  `${entry.kind === 'charge' ? '−' : '+'}${entry.amount.toLocaleString()}`;

/**
 * The query for the page after `entries`. `before` is strict, and a batch charges all its jobs
 * at one instant, so the next page starts one millisecond later and asks for the entries of that
 * instant already shown once more (they are dropped as duplicates): none is ever skipped.
 */
export const nextPageQuery = (entries: readonly LedgerEntry[]): { before: number; limit: number } | null => {
  const last = entries.at(-1);
  if (!last) return null;
  const sameInstant = entries.filter((entry) => entry.createdAt === last.createdAt).length;
  return { before: last.createdAt + 1, limit: Math.min(PAGE_MAX, LEDGER_PAGE + sameInstant) };
};

/** Older entries after the ones held, skipping those already there. */
export const appendOlder = (held: readonly LedgerEntry[], page: readonly LedgerEntry[]): LedgerEntry[] => {
  const ids = new Set(held.map((entry) => entry.id));
  return [...held, ...page.filter((entry) => !ids.has(entry.id))];
};

/**
 * The newest page on top of what is held. When it does not reach what is held (more came in than
 * a page), it replaces it, so there is never a hole in the middle; `reset` says so.
 */
export const prependNewest = (held: readonly LedgerEntry[], newest: readonly LedgerEntry[]): { entries: LedgerEntry[]; reset: boolean } => {
  const ids = new Set(held.map((entry) => entry.id));
  const overlaps = held.length === 0 || newest.some((entry) => ids.has(entry.id)) || newest.length < LEDGER_PAGE;
  if (!overlaps) return { entries: [...newest], reset: true };
  return { entries: [...newest.filter((entry) => !ids.has(entry.id)), ...held], reset: false };
};

import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../src/shared/credits';
import { DEFAULT_SETTINGS, type TokenStatus } from '../../src/shared/settings';
import { LEDGER_PAGE, appendOlder, nextPageQuery, prependNewest, signedAmount } from '../../src/renderer/src/views/credits/ledger';
import { OFFLINE_ENGINE, defaultDraftFor, withTokenDefault, DEFAULT_GENERATE_DRAFT } from '../../src/renderer/src/modals/generate/generateDraft';
import { finishedNotice } from '../../src/renderer/src/lib/notices';

const entry = (id: number, createdAt: number, kind: LedgerEntry['kind'] = 'charge'): LedgerEntry => ({
  id: `led_${id}`,
  kind,
  action: 'generate',
  amount: 10,
  generationId: null,
  avatarId: null,
  batchId: null,
  note: null,
  createdAt,
});

describe('the ledger’s pages', () => {
  it('asks again for the instant a page ended on, so a batch charged at once is never cut', () => {
    const page = [entry(1, 300), entry(2, 200), entry(3, 100), entry(4, 100)];
    expect(nextPageQuery(page)).toEqual({ before: 101, limit: LEDGER_PAGE + 2 });
    const next = [entry(3, 100), entry(4, 100), entry(5, 100), entry(6, 50)];
    expect(appendOlder(page, next).map((each) => each.id)).toEqual(['led_1', 'led_2', 'led_3', 'led_4', 'led_5', 'led_6']);
    expect(nextPageQuery([])).toBeNull();
  });

  it('puts new entries on top, and starts over rather than leave a hole', () => {
    const held = [entry(2, 200), entry(1, 100)];
    expect(prependNewest(held, [entry(3, 300), entry(2, 200)]).entries.map((each) => each.id)).toEqual(['led_3', 'led_2', 'led_1']);
    const flood = Array.from({ length: LEDGER_PAGE }, (_, index) => entry(100 + index, 1000 - index));
    expect(prependNewest(held, flood)).toMatchObject({ reset: true, entries: flood });
  });

  it('signs amounts the way the balance moves', () => {
    expect(signedAmount({ kind: 'charge', amount: 1200 })).toBe(`−${(1200).toLocaleString()}`);
    expect(signedAmount({ kind: 'refund', amount: 8 })).toBe('+8');
  });
});

const status = (state: TokenStatus['state']): TokenStatus => ({ state, storage: state === 'unset' ? 'none' : 'session', canEncrypt: false, account: null, checkedAt: null });

describe('the generate dialog’s defaults', () => {
  it('draws offline without a token, whatever the settings or the recipe say', () => {
    expect(defaultDraftFor(DEFAULT_SETTINGS.generation, status('unset')).model).toBe(OFFLINE_ENGINE);
    expect(withTokenDefault({ ...DEFAULT_GENERATE_DRAFT, model: 'black-forest-labs/FLUX.1-schnell' }, status('unset')).model).toBe(OFFLINE_ENGINE);
    // Unknown (not loaded, or an older library): left as it was.
    expect(withTokenDefault(DEFAULT_GENERATE_DRAFT, null).model).toBe(DEFAULT_GENERATE_DRAFT.model);
  });

  it('starts from the settings when a token is set', () => {
    const draft = defaultDraftFor({ ...DEFAULT_SETTINGS.generation, model: 'acme/portrait-xl', width: 768, height: 1024, steps: 12, guidance: 5 }, status('valid'));
    expect(draft).toMatchObject({ model: 'acme/portrait-xl', size: 'portrait', steps: '12', guidance: '5' });
    expect(defaultDraftFor({ ...DEFAULT_SETTINGS.generation, provider: 'offline' }, status('set')).model).toBe(OFFLINE_ENGINE);
  });
});

describe('the finished-work notice', () => {
  it('names one, counts several, and tells failures apart', () => {
    expect(finishedNotice({ completed: [], failed: [] })).toBeNull();
    expect(finishedNotice({ completed: ['Ana'], failed: [] })?.title).toBe('“Ana” is ready');
    expect(finishedNotice({ completed: ['A', 'B', 'C'], failed: [] })?.title).toBe('3 avatars ready');
    expect(finishedNotice({ completed: ['A', 'B'], failed: ['C'] })?.title).toBe('2 avatars ready, 1 failed');
  });
});

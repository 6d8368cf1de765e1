import type { CreditAction, Settings, SettingsPatch } from '../../../../shared/settings';
import { SETTINGS_BOUNDS, checkInt, editedKeys, intOf, limitOf, limitText, type Draft, type DraftErrors, type Edits } from './draftKit';

/** What each action is called on screen, in the order the section lists them. */
export const CREDIT_ACTION_LABELS: Record<CreditAction, string> = {
  generate: 'Generate',
  upload: 'Upload',
  fromPreset: 'From a preset',
  fromReference: 'From a reference',
  editPersona: 'Edit a persona',
};
export const CREDIT_ACTION_LIST = Object.keys(CREDIT_ACTION_LABELS) as CreditAction[];

export type CreditField = CreditAction | 'dailyLimit' | 'batchLimit';
export type CreditDraft = Draft<CreditField>;

export const creditDraftOf = (credits: Settings['credits']): CreditDraft => ({
  ...(Object.fromEntries(CREDIT_ACTION_LIST.map((action) => [action, String(credits.costs[action])])) as Record<CreditAction, string>),
  dailyLimit: limitText(credits.dailyLimit),
  batchLimit: limitText(credits.batchLimit),
});

export const validateCredits = (draft: CreditDraft): DraftErrors<CreditField> => {
  const errors: DraftErrors<CreditField> = {};
  for (const action of CREDIT_ACTION_LIST) {
    const problem = checkInt(draft[action], 0, SETTINGS_BOUNDS.creditCost);
    if (problem) errors[action] = problem;
  }
  for (const limit of ['dailyLimit', 'batchLimit'] as const) {
    const problem = checkInt(draft[limit], 0, SETTINGS_BOUNDS.creditLimit, { optional: true });
    if (problem) errors[limit] = problem;
  }
  return errors;
};

export const creditsPatchOf = (draft: CreditDraft, edits: Edits<CreditField>, current: CreditDraft): SettingsPatch['credits'] => {
  const patch: NonNullable<SettingsPatch['credits']> = {};
  const costs: Partial<Record<CreditAction, number>> = {};
  for (const key of editedKeys(edits, current)) {
    if (key === 'dailyLimit' || key === 'batchLimit') patch[key] = limitOf(draft[key]);
    else costs[key] = intOf(draft[key]);
  }
  if (Object.keys(costs).length > 0) patch.costs = costs;
  return patch;
};

/** `credits.costs.upload` → upload, `credits.dailyLimit` → dailyLimit. */
export const creditFieldOf = (path: string): CreditField | null => {
  const parts = path.split('.');
  if (parts[0] !== 'credits') return null;
  const key = parts[1] === 'costs' ? parts[2] : parts[1];
  return key === 'dailyLimit' || key === 'batchLimit' || CREDIT_ACTION_LIST.some((action) => action === key) ? (key as CreditField) : null;
};

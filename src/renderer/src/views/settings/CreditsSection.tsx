import { useMemo } from 'react';
import { FormProblem } from '../../components/FormProblem';
import { NumberField } from '../../components/fields/NumberField';
import { useAppStore } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import { CREDIT_ACTION_LABELS, CREDIT_ACTION_LIST, creditDraftOf, creditFieldOf, creditsPatchOf, validateCredits } from './creditsDraft';
import { SETTINGS_BOUNDS } from './draftKit';
import { SaveBar, SettingsCard } from './SettingsCard';
import { useSettingsForm } from './useSettingsForm';

const FORM_ID = 'settings-credits-form';

/** What each action costs and how much may be spent: the spending guard's numbers. */
export const CreditsSection = () => {
  const credits = useAppStore((state) => state.settings?.credits ?? null);
  const current = useMemo(() => (credits ? creditDraftOf(credits) : null), [credits]);
  const form = useSettingsForm({
    current,
    validate: validateCredits,
    patchOf: (draft, edits, base) => ({ credits: creditsPatchOf(draft, edits, base) }),
    fieldOf: () => creditFieldOf,
    formId: FORM_ID,
  });
  const { draft, errors } = form;
  if (!draft) return null;

  return (
    <SettingsCard
      section="credits"
      title="Credits"
      description={
        <>
          Credits are counted here as the Lumiku cloud would charge them; offline drawing is free. New work past a limit is refused before it starts. See the spending in{' '}
          <a href="#/credits">Credits</a>.
        </>
      }
    >
      <form
        id={FORM_ID}
        className="settings-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.save();
        }}
      >
        <FormProblem problem={form.failure ? describeError(form.failure) : null} />
        <fieldset className="settings-form__group">
          <legend className="settings-form__legend">Cost per action, in credits</legend>
          <div className="settings-form__grid settings-form__grid--numbers">
            {CREDIT_ACTION_LIST.map((action) => (
              <NumberField key={action} label={CREDIT_ACTION_LABELS[action]} value={draft[action]} onChange={(value) => form.set(action, value)} min={0} max={SETTINGS_BOUNDS.creditCost} error={errors[action]} />
            ))}
          </div>
        </fieldset>
        <fieldset className="settings-form__group">
          <legend className="settings-form__legend">Limits</legend>
          <div className="settings-form__grid">
            <NumberField
              label="Daily limit"
              value={draft.dailyLimit}
              onChange={(value) => form.set('dailyLimit', value)}
              min={0}
              max={SETTINGS_BOUNDS.creditLimit}
              error={errors.dailyLimit}
              placeholder="No limit"
              hint="Credits per day (local time). Empty: no limit."
            />
            <NumberField
              label="Per-batch limit"
              value={draft.batchLimit}
              onChange={(value) => form.set('batchLimit', value)}
              min={0}
              max={SETTINGS_BOUNDS.creditLimit}
              error={errors.batchLimit}
              placeholder="No limit"
              hint="The most one request may cost. Empty: no limit."
            />
          </div>
        </fieldset>
        <SaveBar label="Save credit settings" dirty={form.dirty} busy={form.busy} saved={form.saved} onDiscard={form.discard} />
      </form>
    </SettingsCard>
  );
};

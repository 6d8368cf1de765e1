import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import type { SettingsPatch } from '../../../../shared/settings';
import { useActions, useTransport } from '../../hooks/appContext';
import { editedKeys, errorsFromIssues, type Draft, type DraftErrors, type Edits } from './draftKit';

interface SettingsFormOptions<K extends string> {
  /** The stored settings as this section's draft; null until they are loaded. */
  current: Draft<K> | null;
  validate(draft: Draft<K>): DraftErrors<K>;
  patchOf(draft: Draft<K>, edits: Edits<K>, current: Draft<K>): SettingsPatch;
  fieldOf(draft: Draft<K>): (path: string) => K | null;
  /** Where the section's fields are, to focus the first one that needs fixing. */
  formId: string;
}

export interface SettingsForm<K extends string> {
  draft: Draft<K> | null;
  errors: DraftErrors<K>;
  failure: AppErrorShape | null;
  dirty: boolean;
  busy: boolean;
  saved: boolean;
  set(field: K, value: string): void;
  save(): Promise<void>;
  discard(): void;
}

const focusFirstInvalid = (formId: string): void => {
  requestAnimationFrame(() => document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
};

/**
 * A section of Settings as a form. Only the fields the user touched are held (as typed) and sent:
 * the others follow the stored settings live, whoever changes them. On an error everything typed
 * stays, and each problem shows at its field.
 */
export const useSettingsForm = <K extends string>({ current, validate, patchOf, fieldOf, formId }: SettingsFormOptions<K>): SettingsForm<K> => {
  const transport = useTransport();
  const { settingsLoaded } = useActions();
  const [edits, setEdits] = useState<Edits<K>>({});
  const [errors, setErrors] = useState<DraftErrors<K>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const draft = current ? ({ ...current, ...edits } as Draft<K>) : null;
  const dirty = current !== null && editedKeys(edits, current).length > 0;

  return {
    draft,
    errors,
    failure,
    dirty,
    busy,
    saved: saved && !dirty,
    set(field, value) {
      setEdits((previous) => ({ ...previous, [field]: value }));
      setSaved(false);
    },
    async save() {
      if (!draft || !current) return;
      const problems = validate(draft);
      setErrors(problems);
      setFailure(null);
      if (Object.keys(problems).length > 0) return focusFirstInvalid(formId);
      setBusy(true);
      const result = await transport.invoke('settings.update', patchOf(draft, edits, current));
      setBusy(false);
      if (!result.ok) {
        setErrors(result.error.code === 'VALIDATION_FAILED' ? errorsFromIssues(result.error.issues, fieldOf(draft)) : {});
        setFailure(result.error);
        return focusFirstInvalid(formId);
      }
      settingsLoaded(result.value);
      setEdits({});
      setSaved(true);
    },
    discard() {
      setEdits({});
      setErrors({});
      setFailure(null);
    },
  };
};

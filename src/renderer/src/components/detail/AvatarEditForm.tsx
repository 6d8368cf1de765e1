import { useState } from 'react';
import type { Avatar } from '../../../../shared/domain';
import { LIMITS } from '../../../../shared/vocabulary';
import type { AppErrorShape } from '../../../../shared/errors';
import { useActions, useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import { attributesInputOf, personaInputOf, validatePersona, type FieldErrors } from '../../lib/drafts';
import { errorLine } from '../../lib/errorText';
import { issuesByField } from '../../lib/fieldLabels';
import { AttributesForm } from '../AttributesForm';
import { PersonaForm } from '../PersonaForm';
import { Spinner } from '../Spinner';
import { TextField } from '../fields/TextField';
import { useAvatarDraft } from './useAvatarDraft';

/** Every editable field of one avatar, saved together. */
export const AvatarEditForm = ({ avatar }: { avatar: Avatar }) => {
  const transport = useTransport();
  const { upsertAvatar } = useActions();
  const toast = useToast();
  const { draft, setDraft, dirty, changedElsewhere, reset, commit } = useAvatarDraft(avatar);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const problems = validatePersona(draft.persona);
    if (draft.name.trim() === '') problems.name = 'An avatar needs a name.';
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    const result = await transport.invoke('avatars.update', {
      id: avatar.id,
      name: draft.name,
      persona: personaInputOf(draft.persona),
      attributes: attributesInputOf(draft.attributes),
    });
    setSaving(false);
    if (!result.ok) {
      const fields = issuesByField(result.error.issues);
      if (Object.keys(fields).length > 0) setErrors(fields);
      setFailure(result.error);
      return;
    }
    upsertAvatar(result.value);
    commit(result.value);
    toast.success('Changes saved');
  };

  return (
    <form
      className="detail-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (dirty && !saving) void save();
      }}
    >
      <TextField label="Avatar name" value={draft.name} onChange={(name) => setDraft({ ...draft, name })} maxLength={LIMITS.avatarName} error={errors.name} required />
      <PersonaForm value={draft.persona} onChange={(persona) => setDraft({ ...draft, persona })} errors={errors} />
      <AttributesForm value={draft.attributes} onChange={(attributes) => setDraft({ ...draft, attributes })} errors={errors} />
      <div className="detail-form__bar">
        {failure ? (
          <p className="form-error" role="alert">
            {errorLine(failure)}
          </p>
        ) : changedElsewhere ? (
          <p className="detail-form__note" role="status">
            This avatar was changed elsewhere. Saving keeps your version.
          </p>
        ) : (
          <p className="detail-form__note">{dirty ? 'Unsaved changes' : 'All changes saved'}</p>
        )}
        <div className="detail-form__actions">
          <button type="button" className="btn btn--secondary" onClick={reset} disabled={!dirty || saving}>
            Revert
          </button>
          <button type="submit" className="btn btn--primary" disabled={!dirty || saving}>
            {saving && <Spinner />}
            Save
          </button>
        </div>
      </div>
    </form>
  );
};

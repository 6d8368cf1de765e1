import { useState } from 'react';
import type { Avatar } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { LIMITS, type PresetCategory } from '../../../shared/vocabulary';
import { Spinner } from '../components/Spinner';
import { TextField } from '../components/fields/TextField';
import { useActions, useTransport } from '../hooks/appContext';
import { useToast } from '../hooks/useToast';
import { errorLine } from '../lib/errorText';
import { issuesByField } from '../lib/fieldLabels';
import { Modal } from './Modal';
import { PresetCategoryField } from './PresetCategoryField';

/** A first guess from the avatar's style; the user picks the real one. */
const guessCategory = (avatar: Avatar): PresetCategory => {
  const style = (avatar.attributes.style ?? '').toLowerCase();
  if (/profession|business|corporate|office|formal/.test(style)) return 'professional';
  if (/sport|athlet|fitness/.test(style)) return 'sports';
  if (/fashion|elegant|couture|street/.test(style)) return 'fashion';
  if (/tradition|heritage|cultural/.test(style)) return 'traditional';
  if (/casual|everyday|relaxed/.test(style)) return 'casual';
  return 'creative';
};

interface SavePresetModalProps {
  avatar: Avatar;
  onClose(): void;
}

/** Saves an avatar's recipe (persona, look, prompt) as a user preset. */
export const SavePresetModal = ({ avatar, onClose }: SavePresetModalProps) => {
  const transport = useTransport();
  const { upsertPreset } = useActions();
  const toast = useToast();
  const [name, setName] = useState(avatar.name);
  const [category, setCategory] = useState<PresetCategory>(() => guessCategory(avatar));
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (name.trim() === '') {
      setErrors({ name: 'A preset needs a name.' });
      return;
    }
    setBusy(true);
    setErrors({});
    setFailure(null);
    const result = await transport.invoke('presets.create', { name, category, fromAvatarId: avatar.id, ...(description.trim() && { description }) });
    setBusy(false);
    if (!result.ok) {
      const fields = issuesByField(result.error.issues);
      setErrors(fields);
      if (!fields.name && !fields.category && !fields.description) setFailure(result.error);
      return;
    }
    upsertPreset(result.value);
    toast.success(`Saved “${result.value.name}” as a preset`, 'Find it under Presets to make more avatars like this one.');
    onClose();
  };

  return (
    <Modal
      title="Save as preset"
      description="Keeps this avatar’s persona, look and prompt as a preset, to make more like it later."
      size="small"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void save()}
      footer={
        <>
          <button type="button" className="btn btn--secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy && <Spinner />}
            Save preset
          </button>
        </>
      }
    >
      <TextField label="Preset name" value={name} onChange={setName} maxLength={LIMITS.avatarName} error={errors.name} required autoFocus />
      <PresetCategoryField value={category} onChange={setCategory} error={errors.category} />
      <TextField
        label="Description"
        optional
        multiline
        value={description}
        onChange={setDescription}
        maxLength={LIMITS.projectDescription}
        error={errors.description}
        placeholder="What is this look for?"
      />
      {failure && (
        <p className="form-error" role="alert">
          {errorLine(failure)}
        </p>
      )}
    </Modal>
  );
};

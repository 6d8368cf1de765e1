import { useState } from 'react';
import type { Preset } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { GENERATION_LIMITS, LIMITS } from '../../../shared/vocabulary';
import { AttributesForm } from '../components/AttributesForm';
import { PersonaForm } from '../components/PersonaForm';
import { Spinner } from '../components/Spinner';
import { TextField } from '../components/fields/TextField';
import { useActions, useTransport } from '../hooks/appContext';
import { useToast } from '../hooks/useToast';
import type { FieldErrors } from '../lib/drafts';
import { sameDraft } from '../lib/drafts';
import { describeError } from '../lib/errorText';
import { issuesByField } from '../lib/fieldLabels';
import { presetDraftOf, presetUpdateInput, validatePresetDraft, type PresetDraft } from '../lib/presetDrafts';
import { Modal } from './Modal';
import { PresetCategoryField } from './PresetCategoryField';
import './PresetModals.css';
import { FormProblem } from '../components/FormProblem';

const focusFirstInvalid = (): void => {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.preset-edit [aria-invalid="true"]')?.focus());
};

interface EditPresetModalProps {
  preset: Preset;
  onClose(): void;
}

/** Every field of a user preset, saved together. Built-ins never get here. */
export const EditPresetModal = ({ preset, onClose }: EditPresetModalProps) => {
  const transport = useTransport();
  const { upsertPreset } = useActions();
  const toast = useToast();
  const [initial] = useState(() => presetDraftOf(preset));
  const [draft, setDraft] = useState<PresetDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PresetDraft>(key: K, value: PresetDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const dirty = !sameDraft(initial, draft);

  const save = async () => {
    const problems = validatePresetDraft(draft);
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length > 0) return focusFirstInvalid();
    if (!dirty) return onClose();
    setBusy(true);
    const result = await transport.invoke('presets.update', presetUpdateInput(preset.id, draft));
    setBusy(false);
    if (!result.ok) {
      setErrors(issuesByField(result.error.issues));
      setFailure(result.error);
      return focusFirstInvalid();
    }
    upsertPreset(result.value);
    toast.success(`Saved “${result.value.name}”`);
    onClose();
  };

  const problem = failure ? describeError(failure) : null;
  return (
    <Modal
      title={`Edit “${preset.name}”`}
      description="Avatars already made from this preset keep their own details."
      size="large"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void save()}
      footer={
        <>
          <p className="preset-modal__summary">{dirty ? 'Unsaved changes' : 'No changes yet'}</p>
          <button type="button" className="btn btn--secondary" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy || !dirty}>
            {busy && <Spinner />}
            Save preset
          </button>
        </>
      }
    >
      <FormProblem problem={problem} />
      <div className="preset-edit">
        <div className="preset-edit__column">
          <div className="preset-edit__pair">
            <TextField label="Preset name" value={draft.name} onChange={(name) => set('name', name)} maxLength={LIMITS.avatarName} error={errors.name} required autoFocus />
            <PresetCategoryField value={draft.category} onChange={(category) => set('category', category)} error={errors.category} />
          </div>
          <TextField
            label="Description"
            optional
            multiline
            value={draft.description}
            onChange={(description) => set('description', description)}
            maxLength={LIMITS.projectDescription}
            error={errors.description}
            placeholder="What is this look for?"
          />
          <TextField
            label="Prompt"
            optional
            multiline
            value={draft.prompt}
            onChange={(prompt) => set('prompt', prompt)}
            maxLength={GENERATION_LIMITS.prompt}
            error={errors.prompt}
            placeholder="e.g. warm smile, navy blazer, bright office"
            hint="Added to the description built from the persona and look."
          />
          <PersonaForm value={draft.persona} onChange={(persona) => set('persona', persona)} errors={errors} />
        </div>
        <div className="preset-edit__column">
          <AttributesForm value={draft.attributes} onChange={(attributes) => set('attributes', attributes)} errors={errors} />
        </div>
      </div>
    </Modal>
  );
};

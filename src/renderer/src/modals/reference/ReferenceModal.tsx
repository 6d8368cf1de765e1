import { useState, type ReactNode } from 'react';
import type { ProjectSummary } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/errors';
import { LIMITS } from '../../../../shared/vocabulary';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { NumberField } from '../../components/fields/NumberField';
import { TextField } from '../../components/fields/TextField';
import { useActions, useTransport } from '../../hooks/appContext';
import { useToast } from '../../hooks/useToast';
import type { FieldErrors } from '../../lib/drafts';
import { describeError } from '../../lib/errorText';
import { plural } from '../../lib/format';
import { partitionImageFiles } from '../../lib/imageFiles';
import { SeedField } from '../generate/SeedField';
import { Modal } from '../Modal';
import { InstructionField } from './InstructionField';
import { ReferenceNote } from './ReferenceNote';
import { ReferencePreview } from './ReferencePreview';
import { ReferenceSettings } from './ReferenceSettings';
import {
  REFERENCE_COUNT_MAX,
  countOf,
  defaultNameFor,
  modelLabel,
  referenceCommandOf,
  referenceFieldErrorsOf,
  validateReferenceDraft,
  type ReferenceDraft,
  type ReferenceSource,
} from './referenceDraft';
import { readReference, referenceKey, rememberedDraft, rememberDraft } from './referenceMemory';
import { useDialogDrop } from './useDialogDrop';
import './ReferenceModal.css';

const focusFirstInvalid = (): void => {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.reference-layout [aria-invalid="true"]')?.focus());
};

interface ReferenceModalProps {
  project: ProjectSummary;
  reference: ReferenceSource;
  /** Start from this ("Use this recipe") instead of what was last typed for this reference. */
  initialDraft?: ReferenceDraft;
  /** Said above the form, e.g. why this image is the reference. */
  notice?: ReactNode;
  onClose(): void;
}

/**
 * New avatars from a reference image plus an instruction ("same person, business suit"), made by
 * FLUX.1 Kontext on Hugging Face and queued as durable jobs in one call.
 */
export const ReferenceModal = ({ project, reference: initialReference, initialDraft, notice, onClose }: ReferenceModalProps) => {
  const transport = useTransport();
  const { upsertGenerations, setTrayOpen } = useActions();
  const toast = useToast();
  const [reference, setReference] = useState(initialReference);
  const [draft, setDraft] = useState<ReferenceDraft>(() => initialDraft ?? rememberedDraft(referenceKey(initialReference)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const count = countOf(draft);
  const defaultName = defaultNameFor(reference);
  const set = <K extends keyof ReferenceDraft>(key: K, value: ReferenceDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const close = () => {
    rememberDraft(referenceKey(reference), draft);
    onClose();
  };

  const takeFiles = (files: File[]) => {
    const [file] = partitionImageFiles(files).accepted;
    if (!file) {
      setFormError({ code: 'IMAGE_UNSUPPORTED_FORMAT', message: 'Only a JPEG, PNG or WebP image can be the reference.' });
      return;
    }
    setFormError(null);
    setErrors(({ reference: _gone, ...rest }) => rest);
    setReference({ kind: 'file', file });
  };
  const drop = useDialogDrop(takeFiles, !busy);

  const submit = async () => {
    const problems = validateReferenceDraft(draft);
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0) return focusFirstInvalid();
    setBusy(true);
    const read = await readReference(reference);
    const result = read.ok ? await transport.invoke('generations.fromReference', referenceCommandOf(draft, project.id, read.input, defaultName)) : read;
    setBusy(false);
    if (!result.ok) {
      // Everything typed stays; the reason shows at its field when it has one, and above the form.
      setErrors(result.error.code === 'VALIDATION_FAILED' ? referenceFieldErrorsOf(result.error.issues) : {});
      setFormError(result.error);
      return focusFirstInvalid();
    }
    rememberDraft(referenceKey(reference), null);
    upsertGenerations(result.value);
    setTrayOpen(true);
    const first = result.value[0];
    toast.success(
      result.value.length === 1 && first ? `Making “${first.name}”` : `Making ${plural(result.value.length, 'avatar')}`,
      `From ${reference.kind === 'avatar' ? `“${reference.avatar.name}”` : 'your image'}; each one appears in the project when it is done.`,
    );
    onClose();
  };

  const problem = formError ? describeError(formError) : null;
  return (
    <div className="reference-drop-scope" {...drop.handlers}>
      <Modal
        title={reference.kind === 'avatar' ? `New from “${reference.avatar.name}”` : 'New from an image'}
        description={
          <>
            Into <strong>{project.name}</strong>. Say what should change; the reference stays as it is.
          </>
        }
        size="large"
        busy={busy}
        onClose={close}
        onSubmit={() => void submit()}
        footer={
          <>
            <p className="reference-summary">
              {plural(count, 'image')} · {modelLabel(draft.model) || '–'} on Hugging Face
            </p>
            <button type="button" className="btn btn--secondary" onClick={close} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? <Spinner /> : <Icon name="sparkles" size={16} />}
              {busy ? 'Sending…' : count > 1 ? `Make ${count} avatars` : 'Make avatar'}
            </button>
          </>
        }
      >
        <FormProblem problem={problem} />
        {notice && (
          <p className="note reference-notice">
            <Icon name="info" size={16} />
            <span>{notice}</span>
          </p>
        )}
        <div className="reference-layout">
          <ReferencePreview reference={reference} dragging={drop.dragging} disabled={busy} onFiles={takeFiles} />
          <div className="reference-fields">
            <InstructionField value={draft.instruction} onChange={(instruction) => set('instruction', instruction)} error={errors.instruction} />
            <div className="reference-fields__row">
              <NumberField label="How many" value={draft.count} onChange={(value) => set('count', value)} min={1} max={REFERENCE_COUNT_MAX} error={errors.count} />
              <TextField label="Name" optional value={draft.name} onChange={(name) => set('name', name)} maxLength={LIMITS.avatarName} error={errors.name} placeholder={defaultName} />
            </div>
            <SeedField value={draft.seed} onChange={(seed) => set('seed', seed)} several={count > 1} error={errors.seed} />
            <ReferenceSettings draft={draft} onChange={setDraft} errors={errors} />
            <ReferenceNote model={draft.model} />
          </div>
        </div>
      </Modal>
    </div>
  );
};
